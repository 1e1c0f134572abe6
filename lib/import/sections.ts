/**
 * Section headings of a table or list, nested: 一、… above （一）… above 1 …. A task's section is the
 * path of headings it stands under ("二、重点工作 / （一）扩大内需"), so an outer heading with no task of
 * its own directly under it is kept, not lost. Levels come from the numbering style, in the order the
 * document first uses them.
 */
import { cleanName, readSeqLabel } from "./normalize";

export const SECTION_SEPARATOR = " / ";

/** The numbering style that opens a heading: 一、 / （一） / 1 / 第一部分 / none. */
function styleOf(heading: string): string {
  const text = cleanName(heading);
  if (/^第[一二三四五六七八九十]{1,3}(?:部分|篇|章|类|项)/.test(text)) return "part";
  const number = /^([（(][^（()）]{1,5}[）)]|[一二三四五六七八九十百]{1,4}|\d{1,3}|[①-⑳])/.exec(text)?.[1];
  return (number && readSeqLabel(number)?.style) || "plain";
}

export function sectionTrail() {
  const levels: string[] = [];
  let path: string[] = [];
  return {
    /** A heading read: it replaces the headings of its level and below. */
    enter(heading: string): void {
      const style = styleOf(heading);
      let level = levels.indexOf(style);
      if (level < 0) {
        levels.push(style);
        level = levels.length - 1;
      }
      path = [...path.slice(0, level), heading.trim()];
    },
    /** The section of the next task: the headings it stands under, outermost first. */
    get current(): string | null {
      return path.length > 0 ? path.join(SECTION_SEPARATOR) : null;
    },
  };
}
