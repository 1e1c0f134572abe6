/** A report's compliance in a period, coloured as the matrix colours it. Server-rendered. */
import { COMPLIANCE_LABEL, type Compliance } from "@/lib/reporting/compliance";
import { Badge } from "@/components/ui/badge";

/** on time green · late amber · missing red · returned purple · open grey. */
export const COMPLIANCE_CLASS: Record<Compliance, string> = {
  on_time: "bg-green-100 text-green-800",
  late: "bg-amber-100 text-amber-900",
  missing: "bg-red-100 text-red-800",
  returned: "bg-purple-100 text-purple-800",
  open: "bg-stone-100 text-stone-600",
  closed: "bg-stone-50 text-stone-400",
};

export function ComplianceBadge({ compliance }: { compliance: Compliance }) {
  return (
    <Badge tone={COMPLIANCE_CLASS[compliance]} data-testid="compliance" data-state={compliance}>
      {COMPLIANCE_LABEL[compliance]}
    </Badge>
  );
}
