import type { ReactNode } from "react";

/** A part of a page under its own heading; the heading names the section (`aria-labelledby`). */
export function TitledSection({ id, title, className = "space-y-2", children }: { id: string; title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
