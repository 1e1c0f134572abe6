/**
 * 参会单位 of a dispatch as the leader picks tasks: choosing a task brings its lead and cooperating
 * units to the meeting (pre-selected, each can be unticked); dropping a task takes away the units
 * that only it brought, and keeps every unit another chosen task names or the leader added. Pure.
 */
export function attendeesAfterTaskToggle(input: {
  unitIds: readonly number[];
  /** The chosen tasks before the toggle. */
  taskIds: readonly number[];
  unitsByTask: Readonly<Record<number, readonly number[]>>;
  taskId: number;
  on: boolean;
}): number[] {
  const own = input.unitsByTask[input.taskId] ?? [];
  if (input.on) return [...input.unitIds, ...own.filter((id) => !input.unitIds.includes(id))];
  const stillNamed = new Set(input.taskIds.filter((id) => id !== input.taskId).flatMap((id) => input.unitsByTask[id] ?? []));
  return input.unitIds.filter((id) => !own.includes(id) || stillNamed.has(id));
}
