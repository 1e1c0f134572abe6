/**
 * A long text (a task's 200 characters) held to two lines in a list; the whole text shows while the
 * pointer rests on it or a link in it has keyboard focus. The text is sent once: no second copy in a title.
 */
import type { ReactNode } from "react";

export function ClampedText({ children, lines = 2 }: { children: ReactNode; lines?: 2 | 3 }) {
  const clamp = lines === 2 ? "line-clamp-2" : "line-clamp-3";
  return <span className={`${clamp} hover:line-clamp-none focus-within:line-clamp-none`}>{children}</span>;
}
