/** The layout of the administration's list pages (units, collective names, leaders): heading, the form that adds one, the list. */
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";

export function AdminListPage({
  title,
  intro,
  create,
  children,
}: {
  title: string;
  /** What the page is for, under the title. */
  intro: ReactNode;
  /** The 新建 section above the list: its heading's id and text, and the form. */
  create: { id: string; title: string; form: ReactNode };
  /** The list. */
  children: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <PageHeader title={title}>{intro}</PageHeader>
      <section aria-labelledby={create.id} className="space-y-2">
        <h2 id={create.id} className="font-medium">
          {create.title}
        </h2>
        {create.form}
      </section>
      {children}
    </div>
  );
}
