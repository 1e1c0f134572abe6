import { PageHeader } from "@/components/ui/page-header";
import { requirePageFor } from "@/lib/page-guard";
import type { Metadata } from "next";
import { ImportForm } from "@/components/import/import-form";

export const metadata: Metadata = { title: "导入分解表" };

export default async function ImportPage() {
  await requirePageFor("admin.manage");
  return (
    <div className="space-y-4">
      <PageHeader title="导入目标任务分解表">
        <p className="text-sm text-stone-500">
          支持 Word（.docx）通知和分解表、Excel（.xlsx）、CSV、从 Word/网页复制的表格文本，以及“1.
          任务……牵头单位：……”式的清单。先预览：可核对年度、为表头无法识别的列指定用途（会记住，下次同样表头的文档沿用）；未导入的列会逐一列出。同一年份的分解表再次导入时按序号更新，已填报的内容不会丢失。
        </p>
      </PageHeader>
      <ImportForm />
    </div>
  );
}
