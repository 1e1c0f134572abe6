import { INDICATOR_PACE_LABEL, type IndicatorPace } from "@/lib/indicators/completion";

const STYLE: Record<IndicatorPace, string> = {
  met: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  ahead: "bg-sky-50 text-sky-800 ring-sky-200",
  on_pace: "bg-stone-100 text-stone-700 ring-stone-200",
  behind: "bg-red-50 text-red-700 ring-red-200",
  no_value: "bg-amber-50 text-amber-800 ring-amber-200",
};

export function IndicatorPaceBadge({ pace, yearEnd = false, met = false }: { pace: IndicatorPace; yearEnd?: boolean; met?: boolean }) {
  if (yearEnd) {
    return (
      <span data-testid="indicator-pace" className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${met ? STYLE.met : STYLE.behind}`}>
        {met ? "已达标" : "未达标"}
      </span>
    );
  }
  return (
    <span data-testid="indicator-pace" className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${STYLE[pace]}`}>
      {INDICATOR_PACE_LABEL[pace]}
    </span>
  );
}
