/** The counts at the top of a home page: four cards, each a number with its label, opening the list it counts. */
import Link from "next/link";

export interface StatCard {
  label: string;
  value: number;
  href: string;
}

export function StatCards({ cards }: { cards: StatCard[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-4">
      {cards.map((c) => (
        <Link key={c.label} href={c.href} className="rounded border border-stone-200 bg-white p-4 hover:border-brand-600">
          <div className="text-sm text-stone-500">{c.label}</div>
          <div className="mt-1 text-3xl font-semibold tabular-nums">{c.value}</div>
        </Link>
      ))}
    </div>
  );
}
