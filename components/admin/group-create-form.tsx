"use client";

import { useRouter } from "next/navigation";
import { createGroupAction } from "@/app/(app)/admin/groups/actions";
import { RowForm } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { createGroupSchema } from "@/lib/services/group-schemas";
import { GroupNameAndScope } from "./group-fields";

/** Creates a collective name, then opens it to choose its members. */
export function GroupCreateForm() {
  const router = useRouter();
  const state = useActionForm({
    schema: createGroupSchema,
    defaultValues: { name: "", scope: "members" },
    action: createGroupAction,
    onSuccess: (data) => {
      router.push(`/admin/groups/${data.id}`);
      return undefined;
    },
  });
  const { register, errors } = state;

  return (
    <RowForm state={state} label="新建集合单位" submit="新建集合单位" pendingLabel="正在新建…" boxed>
      <GroupNameAndScope idPrefix="new-group" placeholder="如：各苏木镇" name={register("name")} scope={register("scope")} errors={errors} />
    </RowForm>
  );
}
