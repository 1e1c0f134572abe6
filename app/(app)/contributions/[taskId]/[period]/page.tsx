import type { Metadata } from "next";
import Link from "next/link";
import { ContributionForm } from "@/components/contribution/contribution-form";
import { ContributionHeader } from "@/components/contribution/contribution-header";
import { requirePageFor } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { getContributionForm } from "@/lib/services/contributions";
import { loadPeriodForm, PeriodClosed, type PeriodFormParams, periodFormTarget } from "@/app/(app)/period-form";

export const metadata: Metadata = { title: "配合进展" };

/** A cooperating unit's input for a task and period: for the units that owe one; everyone else gets 404. */
export default async function ContributionPage({ params }: PeriodFormParams) {
  const actor = await requirePageFor("unit.act");
  const target = await periodFormTarget(params);
  const loaded = await loadPeriodForm(getContributionForm(actor, target));
  if ("closed" in loaded) return <PeriodClosed message={loaded.closed} back={{ href: "/unit", label: "返回本单位工作台" }} />;

  const { form } = loaded;
  const { contribution, previous } = form;
  return (
    <div className="space-y-6">
      <ContributionHeader form={form} />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <section aria-label="填报区" className="rounded border border-stone-200 bg-white p-4 sm:p-5 lg:col-span-2">
          <ContributionForm
            target={target}
            contribution={contribution ? { version: contribution.version, status: contribution.status, content: contribution.content } : null}
            previous={previous ? { periodLabel: previous.periodLabel, content: previous.content } : null}
            attachments={form.attachments}
          />
        </section>
        <aside aria-labelledby="previous-heading" className="space-y-2 rounded border border-stone-200 bg-white p-4 text-sm">
          <h2 id="previous-heading" className="font-semibold">
            本单位上期配合进展
          </h2>
          {previous ? (
            <>
              <p className="text-stone-500">
                {previous.periodLabel}
                {previous.submittedAt && ` · ${formatShanghai(previous.submittedAt)} 报送`}
              </p>
              <p className="whitespace-pre-wrap break-words text-stone-900" data-testid="previous-contribution">
                {previous.content}
              </p>
            </>
          ) : (
            <p className="text-stone-500">此前没有报送过本任务的配合进展。</p>
          )}
          <p className="border-t border-stone-100 pt-2 text-stone-500">
            <Link href={`/tasks/${form.task.id}`} className="text-brand-700 hover:underline">
              查看任务详情与历次进展
            </Link>
          </p>
        </aside>
      </div>
    </div>
  );
}
