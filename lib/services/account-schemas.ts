/** Input of the account pages and of the own-password page, shared by the forms and the server actions. */
import { z } from "zod";
import type { UnitMemberRole, UserRole } from "@/db/schema";
import { recordIdSchema, strictInput } from "./schema-kit";
import { passwordPolicySchema } from "./password-policy";

export const USER_ROLES = ["admin", "supervisor", "leader", "unit"] as const satisfies readonly UserRole[];
export const UNIT_MEMBER_ROLES = ["filer", "head"] as const satisfies readonly UnitMemberRole[];

const userId = recordIdSchema("账号");

/** Printable characters only: no spaces or control characters inside a username. */
const USERNAME_CHARS = /^[^\s\p{C}]+$/u;

export const usernameSchema = z
  .string({ error: "请输入用户名" })
  .trim()
  .min(1, { error: "请输入用户名", abort: true })
  .max(64, { error: "用户名最多 64 个字符" })
  .regex(USERNAME_CHARS, { error: "用户名不能包含空格或控制字符" });

const displayNameSchema = z.string({ error: "请输入显示名称" }).trim().min(1, { error: "请输入显示名称" }).max(64, { error: "显示名称最多 64 个字符" });

/** Role and its links, as a form holds them: the fields the role does not use may hold anything. */
const roleFields = {
  role: z.enum(USER_ROLES, { error: "请选择角色" }),
  leaderId: recordIdSchema("责任领导").nullable(),
  unitId: recordIdSchema("单位").nullable(),
  unitRole: z.enum(UNIT_MEMBER_ROLES, { error: "请选择填报人或单位负责人" }).nullable(),
};

interface RoleLinks {
  role: UserRole;
  leaderId: number | null;
  unitId: number | null;
  unitRole: UnitMemberRole | null;
}

/** A leader account needs its leader, a unit account its unit and its place in the unit. */
function checkRoleLinks(value: RoleLinks, ctx: z.RefinementCtx) {
  if (value.role === "leader" && value.leaderId === null) ctx.addIssue({ code: "custom", path: ["leaderId"], message: "请选择责任领导" });
  if (value.role === "unit" && value.unitId === null) ctx.addIssue({ code: "custom", path: ["unitId"], message: "请选择单位" });
  if (value.role === "unit" && value.unitRole === null) ctx.addIssue({ code: "custom", path: ["unitRole"], message: "请选择填报人或单位负责人" });
}

/** The links stored for a role: the ones the role does not use are cleared (the database checks this too). */
export function linksForRole(value: RoleLinks): RoleLinks {
  switch (value.role) {
    case "leader":
      return { role: value.role, leaderId: value.leaderId, unitId: null, unitRole: null };
    case "unit":
      return { role: value.role, leaderId: null, unitId: value.unitId, unitRole: value.unitRole };
    case "admin":
    case "supervisor":
      return { role: value.role, leaderId: null, unitId: null, unitRole: null };
  }
}

export const createAccountSchema = strictInput({
  username: usernameSchema,
  displayName: displayNameSchema,
  ...roleFields,
  password: passwordPolicySchema,
}).superRefine(checkRoleLinks);

export const updateAccountSchema = strictInput({ userId, displayName: displayNameSchema, ...roleFields }).superRefine(checkRoleLinks);

export const setAccountDisabledSchema = strictInput({ userId, disabled: z.boolean({ error: "缺少停用状态" }) });

export const resetPasswordSchema = strictInput({ userId, password: passwordPolicySchema });

export const endSessionsOfUserSchema = strictInput({ userId });

export const changeOwnPasswordSchema = strictInput({
  currentPassword: z.string({ error: "请输入当前密码" }).min(1, { error: "请输入当前密码" }).max(128, { error: "当前密码不正确" }),
  newPassword: passwordPolicySchema,
  confirmPassword: z.string({ error: "请再次输入新密码" }).min(1, { error: "请再次输入新密码" }),
}).superRefine((value, ctx) => {
  if (value.confirmPassword !== value.newPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "两次输入的新密码不一致" });
  if (value.newPassword === value.currentPassword) ctx.addIssue({ code: "custom", path: ["newPassword"], message: "新密码不能与当前密码相同" });
});

export type CreateAccountInput = z.output<typeof createAccountSchema>;
export type UpdateAccountInput = z.output<typeof updateAccountSchema>;
export type SetAccountDisabledInput = z.output<typeof setAccountDisabledSchema>;
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;
export type ChangeOwnPasswordInput = z.output<typeof changeOwnPasswordSchema>;

/** Filters of the account list (from the URL), bounded. */
export const accountSearchSchema = z.object({ role: z.enum(USER_ROLES).optional().catch(undefined), q: z.string().trim().max(64).optional().catch(undefined) });
