"use client";

import { addUnitAliasAction, removeUnitAliasAction } from "@/app/(app)/admin/units/actions";
import { RowForm, secondaryButtonClass, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { addUnitAliasSchema } from "@/lib/services/unit-schemas";
import { ActionButton } from "./action-button";

/** The other ways documents write this unit (工科局 = 工信和科技局): listed, added, removed. */
export function UnitAliases({ unitId, aliases }: { unitId: number; aliases: { id: number; alias: string }[] }) {
  const state = useActionForm({
    schema: addUnitAliasSchema,
    defaultValues: { unitId, alias: "" },
    action: addUnitAliasAction,
    onSuccess: (_data, values, form) => {
      form.reset({ unitId, alias: "" });
      return { kind: "success", text: `已添加别名「${values.alias}」` };
    },
  });

  return (
    <div className="space-y-3">
      {aliases.length === 0 ? (
        <p className="text-sm text-stone-500">尚无别名</p>
      ) : (
        <ul aria-label="别名" className="space-y-2">
          {aliases.map((a) => (
            <li key={a.id} className="flex items-start gap-3 text-sm">
              <span className="mt-1.5 rounded bg-stone-100 px-2 py-0.5">{a.alias}</span>
              <ActionButton
                label="删除"
                ariaLabel={`删除别名「${a.alias}」`}
                pendingLabel="正在删除…"
                successText="已删除"
                className={secondaryButtonClass}
                run={() => removeUnitAliasAction({ unitId, aliasId: a.id })}
              />
            </li>
          ))}
        </ul>
      )}
      <RowForm state={state} label="添加别名" submit="添加别名" pendingLabel="正在添加…">
        <TextField id="new-alias" label="新别名" className="w-64" error={state.errors.alias?.message} registration={state.register("alias")} />
      </RowForm>
    </div>
  );
}
