"use client";
/** Every submitted version (never overwritten): who submitted and approved it, when, late or not, and what changed. */
import { useState } from "react";
import { diffVersions, type DiffPart, type VersionFields } from "./diff";
import { formatTime } from "./parts";

export interface VersionItem extends VersionFields {
  number: number;
  submittedAt: Date | string;
  late: boolean;
  submittedByName: string | null;
  approvedByName: string | null;
}

export function DiffText({ parts }: { parts: DiffPart[] }) {
  if (parts.length === 0) return <span className="text-stone-400">（空）</span>;
  return (
    <span className="whitespace-pre-wrap break-words">
      {parts.map((part, i) =>
        part.kind === "added" ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            {part.text}
          </ins>
        ) : part.kind === "removed" ? (
          <del key={i} className="bg-red-100 text-red-800">
            {part.text}
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}

/** The fields of a report, each under its label, with what was added and removed marked. */
export function DiffList({ rows }: { rows: ReturnType<typeof diffVersions> }) {
  return (
    <dl className="space-y-2">
      {rows.map((row) => (
        <div key={row.field}>
          <dt className="text-stone-500">{row.label}</dt>
          <dd className="mt-0.5">
            <DiffText parts={row.parts} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Changes({ previous, version }: { previous: VersionItem | null; version: VersionItem }) {
  const rows = diffVersions(previous, version).filter((row) => row.changed || !previous);
  if (rows.length === 0) return <p className="text-stone-500">与第 {previous?.number} 版内容相同。</p>;
  return <DiffList rows={rows} />;
}

export function VersionList({ versions }: { versions: VersionItem[] }) {
  const [open, setOpen] = useState<number | null>(null);
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  return (
    <details className="rounded border border-stone-200 bg-white p-4 text-sm" open={versions.length > 0 && versions.length <= 3}>
      <summary className="cursor-pointer font-semibold">已报送版本（{versions.length}）</summary>
      {versions.length === 0 ? (
        <p className="mt-2 text-stone-500">尚未报送。报送后的每一版都会保存在这里，不会被覆盖。</p>
      ) : (
        <ol className="mt-3 space-y-3" aria-label="已报送版本">
          {sorted.map((version) => {
            const previous = versions.find((v) => v.number === version.number - 1) ?? null;
            const shown = open === version.number;
            return (
              <li key={version.number} className="rounded border border-stone-100 p-3" data-testid="report-version">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-medium">第 {version.number} 版</span>
                  <span className="text-stone-600">
                    {version.submittedByName ?? "—"}提交{version.approvedByName ? ` · ${version.approvedByName}审阅同意` : ""}
                  </span>
                  <span className="text-stone-600">{formatTime(version.submittedAt)}</span>
                  {version.late ? (
                    <span className="rounded bg-orange-50 px-1.5 text-orange-800">逾期报送</span>
                  ) : (
                    <span className="rounded bg-green-50 px-1.5 text-green-800">按时</span>
                  )}
                  <button
                    type="button"
                    className="ml-auto text-brand-700 hover:underline"
                    aria-expanded={shown}
                    onClick={() => setOpen(shown ? null : version.number)}
                  >
                    {shown ? "收起" : previous ? `查看与第 ${previous.number} 版的变化` : "查看内容"}
                  </button>
                </div>
                {shown && (
                  <div className="mt-3 border-t border-stone-100 pt-3">
                    <Changes previous={previous} version={version} />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
