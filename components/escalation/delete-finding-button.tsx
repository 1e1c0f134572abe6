"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteFindingAction } from "@/app/(app)/supervision/findings/actions";

export function DeleteFindingButton({ id }: { id: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (!window.confirm("确定删除这条督查发现？")) return;
          startTransition(async () => {
            const result = await deleteFindingAction({ id });
            if (!result.ok) return setError(result.message);
            router.refresh();
          });
        }}
        className="text-xs text-red-700 hover:underline disabled:opacity-50"
      >
        删除
      </button>
      {error && (
        <span role="alert" className="ml-1 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
