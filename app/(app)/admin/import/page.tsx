import type { Metadata } from "next";
import { ImportForm } from "@/components/import/import-form";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "导入分解表" };

export default async function ImportPage() {
  await requirePageActor("admin");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">导入目标任务分解表</h1>
        <p className="text-sm text-stone-500">
          支持从 Word/网页复制的表格文本、“1. 任务……牵头单位：……”式的清单、以及带表头的 Excel（.xlsx）和 CSV。先预览，确认无误后再导入；同一年份的分解表再次导入时按序号更新，已填报的内容不会丢失。
        </p>
      </div>
      <ImportForm />
    </div>
  );
}
