import type { Metadata } from "next";
import Link from "next/link";
import { RegisterItemForm } from "@/components/items/register-item-form";
import { now } from "@/lib/clock";
import { shanghaiDay } from "@/lib/items/working-days";
import { requirePageFor } from "@/lib/page-guard";
import { itemFormChoices } from "@/lib/services/choices";

export const metadata: Metadata = { title: "登记督办事项" };

export default async function NewItemPage() {
  const actor = await requirePageFor("item.manage");
  const { leaders, units } = await itemFormChoices(actor);
  return (
    <div className="max-w-4xl space-y-4">
      <div>
        <p className="text-sm">
          <Link href="/items" className="text-brand-700 hover:underline">
            督办事项
          </Link>
        </p>
        <h1 className="text-xl font-semibold">登记督办事项</h1>
        <p className="text-sm text-stone-500">登记后按年度顺序编立项号（督〔年度〕第N号），交牵头单位签收，按所选频次报送进展。</p>
      </div>
      <RegisterItemForm leaders={leaders} units={units} today={shanghaiDay(now())} />
    </div>
  );
}
