/** Unit kinds as the UI names them. */
import type { UnitKind } from "@/db/schema";

export const UNIT_KIND_LABEL: Record<UnitKind, string> = { township: "苏木镇", department: "部门", park: "园区", enterprise: "企业", other: "其他" };
