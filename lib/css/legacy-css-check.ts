/**
 * What in a stylesheet the office PCs' 信创 browsers (Chromium 86 and later) cannot use. Each finding is
 * a construct the engine drops, with the rule it sits in: a whole block (`@layer`, nesting), a whole
 * rule (`:where()`, `:is()`, `:has()` outside `@supports selector(…)`), or a declaration (logical
 * shorthands, newer properties, newer colour functions without a fallback before them or an
 * `@supports` around them). `scripts/check-build-css.ts` runs it over the production build.
 */
import postcss, { type ChildNode, type Declaration, type Node } from "postcss";

/** The oldest engine the build must serve (package.json `browserslist`). */
export const OLDEST_CHROMIUM = 86;

const NEWER_PROPERTIES: Record<string, number> = {
  "padding-inline": 87,
  "padding-block": 87,
  "margin-inline": 87,
  "margin-block": 87,
  inset: 87,
  "inset-inline": 87,
  "inset-block": 87,
  "inset-inline-start": 87,
  "inset-inline-end": 87,
  "inset-block-start": 87,
  "inset-block-end": 87,
  "aspect-ratio": 88,
  translate: 104,
  scale: 104,
  rotate: 104,
};

/** Colour functions newer than the oldest engine: oklch/oklab/lab/lch/color()/color-mix() (111), relative colours. */
const NEWER_COLOUR = /(?<![\w-])(oklch|oklab|lab|lch|color|color-mix)\(|\b(rgb|hsl)a?\(\s*from\b/;
const NEWER_SELECTOR = /:(where|is|has)\(/;

export type LegacyCssProblem = { construct: string; chromium: number; where: string };

function ancestors(node: Node): Node[] {
  const list: Node[] = [];
  for (let parent = node.parent; parent && parent.type !== "root"; parent = parent.parent) list.push(parent as Node);
  return list;
}

function insideSupports(node: Node, condition?: string): boolean {
  return ancestors(node).some(
    (a) => a.type === "atrule" && (a as postcss.AtRule).name === "supports" && (!condition || (a as postcss.AtRule).params.includes(condition)),
  );
}

/** A declaration of the same property earlier in the same block whose value the old engine reads. */
function hasFallbackBefore(decl: Declaration): boolean {
  for (let node: ChildNode | undefined = decl.prev(); node; node = node.prev()) {
    if (node.type === "decl" && node.prop === decl.prop && !NEWER_COLOUR.test(node.value)) return true;
  }
  return false;
}

function describe(node: Node): string {
  const rule = node.type === "rule" ? node : ancestors(node).find((a) => a.type === "rule");
  const selector = rule ? (rule as postcss.Rule).selector : "";
  return node.type === "decl" ? `${selector} { ${(node as Declaration).toString()} }` : selector;
}

export function findLegacyCssProblems(css: string): LegacyCssProblem[] {
  const problems: LegacyCssProblem[] = [];
  const root = postcss.parse(css);
  root.walk((node) => {
    if (node.type === "atrule" && node.name === "layer") {
      problems.push({ construct: "@layer", chromium: 99, where: `@layer ${node.params}` });
    } else if (node.type === "rule") {
      if (ancestors(node).some((a) => a.type === "rule")) {
        problems.push({ construct: "CSS 嵌套", chromium: 112, where: node.selector });
      } else if (NEWER_SELECTOR.test(node.selector) && !insideSupports(node, "selector(")) {
        problems.push({ construct: `${node.selector.match(NEWER_SELECTOR)![0]}…)`, chromium: 88, where: node.selector });
      }
    } else if (node.type === "decl") {
      const since = NEWER_PROPERTIES[node.prop];
      if (since !== undefined) {
        problems.push({ construct: node.prop, chromium: since, where: describe(node) });
      } else if (NEWER_COLOUR.test(node.value) && !insideSupports(node) && !hasFallbackBefore(node)) {
        problems.push({ construct: `${node.value.match(NEWER_COLOUR)![0]}…)`, chromium: 111, where: describe(node) });
      }
    }
  });
  return problems.filter((p) => p.chromium > OLDEST_CHROMIUM);
}
