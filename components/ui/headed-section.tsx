/** A part of a page named by its heading: the `<section>` is labelled by its `<h2>`. */
import type { ReactNode } from "react";

/** `id` ties the heading to the section; `className` is the box's look, `headingClassName` the heading's; `testId` goes to the section. */
export function HeadedSection({
  id,
  title,
  className,
  headingClassName,
  testId,
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  headingClassName?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className} data-testid={testId}>
      <h2 id={id} className={headingClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The plain page section: a bold heading over its content. */
export function TitledSection({ id, title, className = "space-y-2", children }: { id: string; title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <HeadedSection id={id} title={title} className={className} headingClassName="font-semibold">
      {children}
    </HeadedSection>
  );
}
