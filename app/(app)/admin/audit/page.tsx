import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditTable } from "@/components/audit/audit-table";
import { AUDIT_ORDER, auditQuery, parseAuditSearch } from "@/lib/audit-log/filters";
import { Pager } from "@/components/ui/pager";
import { requirePageFor } from "@/lib/page-guard";
import { getAuditLogPage, listAuditLogAccounts } from "@/lib/services/audit-log";

export const metadata: Metadata = { title: "操作日志" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("audit.read");
  const search = parseAuditSearch(await searchParams);
  const [log, accounts] = await Promise.all([getAuditLogPage(actor, search), listAuditLogAccounts(actor)]);
  const query = auditQuery(search.filter);
  const filtered = query !== "";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title="操作日志">
          <p className="text-sm text-stone-500" data-testid="audit-total">
            共 {log.total} 条{filtered ? "符合条件的" : ""}记录，按时间从新到旧排列
          </p>
        </PageHeader>
        <a
          href={`/api/export/audit${query ? `?${query}` : ""}`}
          className="rounded border border-brand-700 px-4 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
          download
        >
          导出
        </a>
      </div>
      <AuditFilterForm filter={search.filter} accounts={accounts} />
      <AuditTable entries={log.entries} />
      <Pager
        at={{
          path: "/admin/audit",
          filters: [...new URLSearchParams(query)],
          paging: { page: log.page, size: log.size, sort: AUDIT_ORDER },
          fallback: AUDIT_ORDER,
        }}
        page={log.page}
        pages={log.pages}
        total={log.total}
      />
    </div>
  );
}
