import type { ReactNode } from "react";
import { HeadedSection } from "@/components/ui/headed-section";

/** A titled white panel of an edit page. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <HeadedSection id={id} title={title} className="space-y-3 rounded border border-stone-200 bg-white p-4" headingClassName="font-medium">
      {children}
    </HeadedSection>
  );
}
