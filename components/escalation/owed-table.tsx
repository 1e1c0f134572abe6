import Link from "next/link";
import type { UnitOwed } from "@/lib/escalation/owed";
import { OWES_LABEL } from "@/lib/escalation/labels";
import { Cell, DataTable, LinkCell, Row } from "@/components/ui/table";

const REASON: Record<UnitOwed["items"][number]["reason"], { text: string; className: string }> = {
  missing: { text: "逾期未报", className: "bg-red-50 text-red-700 ring-1 ring-red-200" },
  returned: { text: "被退回", className: "bg-orange-50 text-orange-800 ring-1 ring-orange-200" },
  open: { text: "未报", className: "bg-stone-100 text-stone-700" },
};

/** The units that still owe something in the period, with what they owe. */
export function OwedTable({ units }: { units: UnitOwed[] }) {
  return (
    <DataTable columns={["单位", "进展报告（牵头）", "配合进展"]} caption="仍欠报的单位" empty={units.length === 0 && "本期所有单位均已报送，无需催办"}>
      {units.map((unit) => (
        <Row key={unit.unitId} className="align-top" data-testid="owed-unit" data-unit={unit.unitName}>
          <LinkCell href={`/supervision/escalations/${unit.unitId}`} quiet className="whitespace-nowrap font-medium">
            {unit.unitName}
          </LinkCell>
          {(["report", "contribution"] as const).map((owes) => (
            <Cell key={owes}>
              <ul className="flex flex-wrap gap-1" aria-label={OWES_LABEL[owes]}>
                {unit.items
                  .filter((i) => i.owes === owes)
                  .map((item) => (
                    <li key={item.taskId}>
                      <Link
                        href={`/tasks/${item.taskId}`}
                        title={item.content}
                        className={`inline-block rounded px-1.5 py-0.5 text-xs hover:underline ${REASON[item.reason].className}`}
                      >
                        第{item.seq}项 · {REASON[item.reason].text}
                      </Link>
                    </li>
                  ))}
              </ul>
            </Cell>
          ))}
        </Row>
      ))}
    </DataTable>
  );
}
