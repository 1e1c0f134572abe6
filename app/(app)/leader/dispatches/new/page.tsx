import type { Metadata } from "next";
import Link from "next/link";
import { DispatchForm } from "@/components/dispatch/dispatch-form";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { getDispatchFormOptions } from "@/lib/services/dispatches";

export const metadata: Metadata = { title: "记录调度" };

export default async function NewDispatchPage() {
  const actor = await requirePageFor("leader.act");
  const options = await orNotFound(getDispatchFormOptions(actor));
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <p className="text-sm text-stone-500">
        <Link href="/leader/dispatches" className="hover:underline">
          调度记录
        </Link>{" "}
        · 记录调度
      </p>
      <h1 className="text-xl font-semibold">记录调度</h1>
      <div className="rounded border border-stone-200 bg-stone-50 p-4 sm:p-5">
        <DispatchForm tasks={options.tasks} units={options.units} unitsByTask={options.unitsByTask} today={options.today} />
      </div>
    </div>
  );
}
