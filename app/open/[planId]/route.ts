/**
 * 政务公开: a plan's public progress page, without sign-in. A route handler, not a page, so that it can
 * answer 429 (with Retry-After) past the rate limit, 404 for a plan not published, and its own
 * Cache-Control (see lib/server/public-page-response.ts). The stored content is read, not recomputed.
 */
import { parsePublicFilter } from "@/lib/public-view/filter";
import { publicPlanPage } from "@/lib/public-view/page";
import { defineRoute } from "@/lib/server/pipeline/define-route";
import { answerPublicPage } from "@/lib/server/public-page-response";
import { getPublicPage } from "@/lib/services/public-views";

export const dynamic = "force-dynamic";

/** A plan id as written in the address: digits only, else no such page. */
function planIdOf(value: string): number | null {
  const id = Number(value);
  return /^[1-9]\d{0,8}$/.test(value) && Number.isSafeInteger(id) ? id : null;
}

export const GET = defineRoute<{ planId: string }>({ name: "public_view.page", public: true }, async (request, { params }) => {
  const planId = planIdOf(params.planId);
  return answerPublicPage(request, planId ?? 0, async () => {
    if (planId === null) return null;
    const page = await getPublicPage(planId);
    return page ? publicPlanPage(page.content, parsePublicFilter(new URL(request.url).searchParams), page.refreshedAt) : null;
  });
});
