import Link from "next/link";
import type { UnitKind } from "@/db/schema";
import { UNIT_KIND_LABEL } from "@/lib/units";

export interface UnitTableRow {
  id: number;
  name: string;
  kind: UnitKind;
  active: boolean;
  aliases: string[];
  groups: string[];
  accounts: number;
}

function Names({ names }: { names: string[] }) {
  if (names.length === 0) return <span className="text-stone-400">—</span>;
  return <>{names.join("、")}</>;
}

export function UnitTable({ units }: { units: UnitTableRow[] }) {
  return (
    <div className="overflow-x-auto rounded border border-stone-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">单位列表</caption>
        <thead className="bg-stone-100 text-left text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">单位名称</th>
            <th scope="col" className="w-20 px-3 py-2">类别</th>
            <th scope="col" className="px-3 py-2">别名</th>
            <th scope="col" className="px-3 py-2">集合单位</th>
            <th scope="col" className="w-16 px-3 py-2 text-right">账号</th>
            <th scope="col" className="w-16 px-3 py-2">状态</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id} className="border-t border-stone-100 align-top hover:bg-stone-50">
              <td className="px-3 py-2">
                <Link href={`/admin/units/${unit.id}`} className="text-brand-700 hover:underline">
                  {unit.name}
                </Link>
              </td>
              <td className="px-3 py-2">{UNIT_KIND_LABEL[unit.kind]}</td>
              <td className="px-3 py-2"><Names names={unit.aliases} /></td>
              <td className="px-3 py-2"><Names names={unit.groups} /></td>
              <td className="px-3 py-2 text-right tabular-nums">{unit.accounts}</td>
              <td className="px-3 py-2">{unit.active ? "启用" : <span className="text-stone-500">已停用</span>}</td>
            </tr>
          ))}
          {units.length === 0 && (
            <tr>
              <td colSpan={6} className="px-3 py-8 text-center text-stone-500">还没有单位</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
