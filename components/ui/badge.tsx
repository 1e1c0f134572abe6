/** The one badge look: a word or two in a small coloured box (colour AND words, never colour alone). */
import type { ComponentProps } from "react";

/**
 * A badge. `tone` gives its colours (`bg-… text-…`, a ring); `plain` drops the medium weight. `data-testid`, `data-state` and the
 * other attributes go to the `<span>` as given.
 */
export function Badge({ tone, plain, ...props }: Omit<ComponentProps<"span">, "className"> & { tone: string; plain?: boolean }) {
  return <span {...props} className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${plain ? "" : "font-medium "}${tone}`} />;
}
