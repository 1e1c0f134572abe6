/** 政务公开: the index of published plans, without sign-in (see lib/server/public-page-response.ts). */
import { publicIndexPage } from "@/lib/public-view/page";
import { defineRoute } from "@/lib/server/pipeline/define-route";
import { answerPublicPage } from "@/lib/server/public-page-response";
import { listPublicPlans } from "@/lib/services/public-views";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "public_view.index", public: true }, (request) =>
  answerPublicPage(request, "index", async () => publicIndexPage(await listPublicPlans())),
);
