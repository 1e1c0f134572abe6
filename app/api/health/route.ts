import { defineRoute } from "@/lib/server/pipeline/define-route";
import { databaseReachable } from "@/lib/services/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the test runner. No sign-in. */
export const GET = defineRoute({ name: "health", public: true }, async () =>
  (await databaseReachable()) ? Response.json({ ok: true }) : Response.json({ ok: false, message: "数据库暂时无法连接" }, { status: 503 }),
);
