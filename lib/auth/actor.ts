/** Who is acting: taken from the user row on every request, never from a form field. */
import type { UnitMemberRole, UserRole } from "@/db/schema";

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: UserRole;
  unitId: number | null;
  unitRole: UnitMemberRole | null;
  leaderId: number | null;
  /** A leader with the overall responsibility (全面负责, e.g. 王国泉) oversees every task. */
  overseesAll: boolean;
  /** Set by the administrator on new accounts and password resets: change it before anything else. */
  mustChangePassword: boolean;
  /** The setting requires a second factor for this role and the user has none yet: enrol before anything else. */
  mustEnrolSecondFactor?: boolean;
}

export const ROLE_LABEL: Record<UserRole, string> = { admin: "管理员", supervisor: "督查室", leader: "责任领导", unit: "单位" };

export const UNIT_ROLE_LABEL: Record<UnitMemberRole, string> = { filer: "填报人", head: "单位负责人" };
