"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/server/pipeline/define-action";
import { InlineError } from "./form";
import { useActionRun } from "./use-action-run";

/** The office's decision on one row: a note, a yes button and a no button (the note required for no, said by the placeholder). */
export function DecisionBar({
  noteLabel,
  placeholder,
  noteClass,
  yes,
  no,
  decide,
}: {
  noteLabel: string;
  placeholder: string;
  /** The note's width. */
  noteClass: string;
  yes: string;
  no: string;
  decide: (yes: boolean, note: string) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const { pending, feedback, run } = useActionRun();
  const answer = (yes: boolean) =>
    run(
      () => decide(yes, note),
      () => router.refresh(),
    );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        aria-label={noteLabel}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={1000}
        placeholder={placeholder}
        className={`${noteClass} rounded border border-stone-300 px-2 py-1 text-sm`}
      />
      <button type="button" disabled={pending} onClick={() => answer(true)} className="rounded bg-green-700 px-3 py-1 text-sm text-white disabled:opacity-60">
        {yes}
      </button>
      <button
        type="button"
        disabled={pending}
        onClick={() => answer(false)}
        className="rounded border border-red-300 px-3 py-1 text-sm text-red-700 disabled:opacity-60"
      >
        {no}
      </button>
      <InlineError feedback={feedback} />
    </div>
  );
}
