"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { commitImportAction, previewImportAction } from "@/app/(app)/admin/import/actions";
import type { ColumnInfo, ImportIssue } from "@/lib/import/types";
import type { ImportChoices } from "@/lib/plans/import-schemas";
import type { ImportPreview } from "@/lib/plans/preview";
import { ImportChoicesPanel } from "./import-choices";
import { ImportPreviewTable } from "./import-preview-table";

const MAX_BYTES = 5 * 1024 * 1024;

type Stage =
  | { kind: "input" }
  | { kind: "errors"; draftId: number | null; errors: ImportIssue[]; warnings: ImportIssue[]; columns: ColumnInfo[]; choices: ImportChoices }
  | { kind: "preview"; draftId: number; preview: ImportPreview; choices: ImportChoices }
  | {
      kind: "done";
      year: number;
      planId: number;
      state: "draft" | "active" | "archived";
      created: number;
      updated: number;
      archived: number;
      withoutLeaders: number;
    };

type PreviewResult = Awaited<ReturnType<typeof previewImportAction>>;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportForm() {
  const [mode, setMode] = useState<"file" | "text">("file");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: "input" });
  const [pending, startTransition] = useTransition();

  function show(result: PreviewResult) {
    if (!result.ok) return setMessage(result.message);
    const data = result.data;
    setStage(data.ok ? { kind: "preview", draftId: data.draftId, preview: data.preview, choices: data.choices } : { kind: "errors", ...data });
  }

  function preview() {
    setMessage(null);
    setStage({ kind: "input" });
    startTransition(async () => {
      if (mode === "file") {
        if (!file) return setMessage("请选择要导入的文件");
        if (file.size > MAX_BYTES) return setMessage(`文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB）：不能超过 5 MB`);
        if (file.size === 0) return setMessage("文件为空");
        show(await previewImportAction({ kind: "file", filename: file.name, base64: toBase64(await file.arrayBuffer()) }));
      } else {
        show(await previewImportAction({ kind: "text", text }));
      }
    });
  }

  /** Reads the stored document again with the administrator's choices (year, columns, first unit as lead). */
  function reread(draftId: number, choices: ImportChoices) {
    setMessage(null);
    startTransition(async () => show(await previewImportAction({ kind: "draft", draftId, choices })));
  }

  function commit(draftId: number, year: number) {
    setMessage(null);
    startTransition(async () => {
      const result = await commitImportAction({ draftId });
      if (!result.ok) return setMessage(result.message);
      setStage({ kind: "done", year, ...result.data });
    });
  }

  if (stage.kind === "done") {
    return (
      <div role="status" className="rounded border border-green-200 bg-green-50 p-4 text-green-900">
        <p className="font-medium">
          导入完成：新增 {stage.created} 项，更新 {stage.updated} 项{stage.archived ? `，归档 ${stage.archived} 项` : ""}。
        </p>
        {stage.state === "draft" && (
          <p className="mt-2 text-sm">
            这份分解表是草稿：各单位和责任领导还看不到，也不须报送。核对无误后，请在
            <Link href="/plans" className="text-brand-700 hover:underline">
              分解表
            </Link>
            中开始执行。
          </p>
        )}
        {stage.withoutLeaders > 0 && (
          <p className="mt-2 text-sm text-amber-800">
            有 {stage.withoutLeaders} 项任务还没有责任领导：
            <Link href={`/admin/leaders/assign?plan=${stage.planId}`} className="text-brand-700 hover:underline">
              按牵头单位的分管领导指定
            </Link>
            ，或在任务页逐项指定。
          </p>
        )}
        <p className="mt-2 flex gap-4 text-sm">
          <Link href={`/tasks?year=${stage.year}`} className="text-brand-700 hover:underline">
            查看任务总表
          </Link>
          <button type="button" className="text-brand-700 hover:underline" onClick={() => setStage({ kind: "input" })}>
            继续导入
          </button>
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div className="rounded border border-stone-200 bg-white p-4">
        <div role="tablist" className="mb-3 flex gap-2 text-sm">
          {(["file", "text"] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              onClick={() => setMode(m)}
              className={`rounded px-3 py-1 ${mode === m ? "bg-brand-700 text-white" : "bg-stone-100 text-stone-700"}`}
            >
              {m === "file" ? "上传文件" : "粘贴文本"}
            </button>
          ))}
        </div>
        {mode === "file" ? (
          <label className="block text-sm">
            <span className="text-stone-600">分解表文件（Word .docx、Excel .xlsx、.csv，或从 Word/网页复制的文本 .txt，不超过 5 MB）</span>
            <input
              type="file"
              accept=".docx,.xlsx,.csv,.txt,text/plain,text/csv,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="mt-2 block"
            />
          </label>
        ) : (
          <label className="block text-sm">
            <span className="text-stone-600">分解表内容（从 Word 或网页复制整张表格粘贴到这里）</span>
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={12}
              className="mt-2 w-full rounded border border-stone-300 p-2 font-mono text-xs"
            />
          </label>
        )}
        {message && (
          <p role="alert" className="mt-3 rounded bg-red-50 px-3 py-2 text-sm text-red-700">
            {message}
          </p>
        )}
        <button
          type="button"
          onClick={preview}
          disabled={pending}
          className="mt-3 rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending && stage.kind !== "preview" ? "解析中…" : "解析并预览"}
        </button>
      </div>

      {stage.kind === "errors" && (
        <>
          <div role="alert" className="rounded border border-red-200 bg-red-50 p-4 text-sm text-red-800">
            <p className="font-medium">文档无法导入（共 {stage.errors.length} 处错误），未写入任何数据：</p>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {stage.errors.map((e, i) => (
                <li key={i}>
                  {e.line ? `第 ${e.line} 行：` : ""}
                  {e.message}
                </li>
              ))}
            </ul>
          </div>
          {stage.draftId !== null && stage.columns.length > 0 && (
            <ImportChoicesPanel
              columns={stage.columns}
              year={stage.choices.year ?? null}
              yearFromDocument={false}
              firstUnitAsLead={null}
              source={null}
              choices={stage.choices}
              pending={pending}
              onChange={(choices) => reread(stage.draftId!, choices)}
            />
          )}
        </>
      )}

      {stage.kind === "preview" && (
        <div className="space-y-3">
          <ImportChoicesPanel
            columns={stage.preview.columns}
            year={stage.preview.year}
            yearFromDocument={stage.preview.yearSource === "document"}
            firstUnitAsLead={stage.preview.firstUnitAsLead}
            source={stage.preview.target.source}
            choices={stage.choices}
            pending={pending}
            onChange={(choices) => reread(stage.draftId, choices)}
          />
          <ImportPreviewTable preview={stage.preview} />
          <div className="sticky bottom-0 flex items-center gap-4 border-t border-stone-200 bg-stone-50/95 py-3">
            <button
              type="button"
              onClick={() => commit(stage.draftId, stage.preview.year)}
              disabled={pending}
              className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {pending ? "导入中…" : `确认导入 ${stage.preview.rows.length} 项任务`}
            </button>
            <button type="button" onClick={() => setStage({ kind: "input" })} className="text-sm text-stone-600 hover:underline">
              取消
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
