import type { UnitKind } from "@/db/schema";
import { UNIT_KIND_LABEL } from "@/lib/units";
import { Cell, DataTable, LinkCell, NamesCell, Row } from "@/components/ui/table";

export interface UnitTableRow {
  id: number;
  name: string;
  kind: UnitKind;
  active: boolean;
  aliases: string[];
  groups: string[];
  accounts: number;
}

export function UnitTable({ units }: { units: UnitTableRow[] }) {
  return (
    <DataTable
      columns={[
        "单位名称",
        { label: "类别", className: "w-20" },
        "别名",
        "集合单位",
        { label: "账号", className: "w-16 text-right" },
        { label: "状态", className: "w-16" },
      ]}
      caption="单位列表"
      empty={units.length === 0 && "还没有单位"}
    >
      {units.map((unit) => (
        <Row key={unit.id} className="align-top hover:bg-stone-50">
          <LinkCell href={`/admin/units/${unit.id}`}>{unit.name}</LinkCell>
          <Cell>{UNIT_KIND_LABEL[unit.kind]}</Cell>
          <NamesCell names={unit.aliases} />
          <NamesCell names={unit.groups} />
          <Cell className="text-right tabular-nums">{unit.accounts}</Cell>
          <Cell>{unit.active ? "启用" : <span className="text-stone-500">已停用</span>}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}
