/**
 * PostCSS plugin run after Tailwind: the office PCs' 信创 browsers are built on Chromium 86–108, and
 * Tailwind 4 writes for Chromium 111+. What such an engine cannot use is rewritten into what it can:
 *
 * - `@layer` blocks (Chromium 99+; an older engine drops the whole block, i.e. every utility) are
 *   unwrapped in place. Tailwind writes its layers in cascade order (properties, theme, base,
 *   components, utilities) and our unlayered rules after them, so source order keeps the cascade.
 * - `:where()` / `:is()` selectors (Chromium 88+; an older engine drops the whole rule) stay for newer
 *   engines under `@supports selector(:where(a))`, and an expanded copy (`:where(a,b) c` → `a c, b c`)
 *   serves older ones under `@supports not selector(...)` (`@supports selector()` is Chromium 83+).
 *   The copy is more specific than the original, as Tailwind 3's selectors were.
 * - the logical shorthands `padding-inline`, `padding-block`, `margin-inline`, `margin-block`
 *   (Chromium 87+) become their `-start`/`-end` longhands (Chromium 69+); `inset` (Chromium 87+)
 *   becomes `top`/`right`/`bottom`/`left`, and `inset-block` / `inset-inline` (Chromium 87+, as are
 *   their longhands) become `top`/`bottom` and `left`/`right`: the app is written horizontally, left
 *   to right. Tailwind writes one value (or two) per shorthand.
 *
 * Colours need nothing here: Tailwind already writes hex fallbacks before its `@supports (color: lab())`
 * and `color-mix()` variants. `lib/css/legacy-css-check.ts` checks the built CSS for what remains.
 */
import postcss from "postcss";

const LOGICAL_SHORTHANDS = {
  "padding-inline": ["padding-inline-start", "padding-inline-end"],
  "padding-block": ["padding-block-start", "padding-block-end"],
  "margin-inline": ["margin-inline-start", "margin-inline-end"],
  "margin-block": ["margin-block-start", "margin-block-end"],
};

/** Horizontal, left-to-right writing: the physical sides of the block and inline axes. */
const PHYSICAL_INSETS = { "inset-block": ["top", "bottom"], "inset-inline": ["left", "right"] };

const MODERN_SELECTORS = "selector(:where(a))";
const FUNCTIONAL_PSEUDO = /:(where|is)\(/;

/** The index of the parenthesis closing the one at `open`, or -1. */
function closingParen(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Whether a selector is complex (has a combinator at its top level): `a>b`, `a b`, `a~b`, `a+b`. */
function isComplex(selector) {
  let depth = 0;
  for (const ch of selector.trim()) {
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (depth === 0 && (ch === " " || ch === ">" || ch === "~" || ch === "+")) return true;
  }
  return false;
}

/**
 * One selector with every `:where(…)` / `:is(…)` spelled out as the selectors it matches, or null
 * where that would change what it matches (a complex selector inside a compound one: `a:is(b c)`).
 */
export function expandSelector(selector) {
  const match = FUNCTIONAL_PSEUDO.exec(selector);
  if (!match) return [selector];
  const open = match.index + match[0].length - 1;
  const close = closingParen(selector, open);
  if (close < 0) return null;
  const before = selector.slice(0, match.index);
  const after = selector.slice(close + 1);
  const items = postcss.list.comma(selector.slice(open + 1, close));
  // Attached to a compound on either side, only a compound (no combinator) keeps its meaning.
  const attached = (before !== "" && !/[\s>~+]$/.test(before)) || (after !== "" && !/^[\s>~+]/.test(after));
  const result = [];
  for (const item of items) {
    if (attached && isComplex(item)) return null;
    const expanded = expandSelector(before + item.trim() + after);
    if (!expanded) return null;
    result.push(...expanded);
  }
  return result;
}

function unwrapLayers(root) {
  const layers = [];
  root.walkAtRules("layer", (atRule) => {
    layers.push(atRule);
  });
  // Innermost first: a nested layer is walked after the one around it.
  for (const atRule of layers.reverse()) {
    if (atRule.nodes && atRule.nodes.length > 0) atRule.replaceWith(atRule.nodes);
    else atRule.remove();
  }
}

function insideSelectorSupports(node) {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === "atrule" && parent.name === "supports" && parent.params.includes("selector(")) return true;
  }
  return false;
}

function addSelectorFallbacks(root) {
  const rules = [];
  root.walkRules((rule) => {
    if (FUNCTIONAL_PSEUDO.test(rule.selector) && !insideSelectorSupports(rule)) rules.push(rule);
  });
  for (const rule of rules) {
    const expanded = rule.selectors.map(expandSelector);
    if (expanded.some((selectors) => selectors === null)) continue;
    const modern = postcss.atRule({ name: "supports", params: MODERN_SELECTORS });
    const legacy = postcss.atRule({ name: "supports", params: `not ${MODERN_SELECTORS}` });
    legacy.append(rule.clone({ selectors: [...new Set(expanded.flat())] }));
    rule.before(modern);
    modern.after(legacy);
    modern.append(rule);
  }
}

/** `inset: a b c d` → top/right/bottom/left, as the CSS box shorthands spread one to four values. */
function physicalInset(values) {
  const [top, right = top, bottom = top, left = right] = values;
  return [
    ["top", top],
    ["right", right],
    ["bottom", bottom],
    ["left", left],
  ];
}

function expandShorthands(root) {
  root.walkDecls((decl) => {
    const values = postcss.list.space(decl.value);
    let longhands;
    if (decl.prop in LOGICAL_SHORTHANDS && values.length <= 2) {
      const [start, end] = LOGICAL_SHORTHANDS[decl.prop];
      longhands = [
        [start, values[0]],
        [end, values[1] ?? values[0]],
      ];
    } else if (decl.prop in PHYSICAL_INSETS && values.length <= 2) {
      const [start, end] = PHYSICAL_INSETS[decl.prop];
      longhands = [
        [start, values[0]],
        [end, values[1] ?? values[0]],
      ];
    } else if (decl.prop === "inset" && values.length <= 4) {
      longhands = physicalInset(values);
    } else {
      return;
    }
    for (const [prop, value] of longhands) decl.cloneBefore({ prop, value });
    decl.remove();
  });
}

export default function legacyChromium() {
  return {
    postcssPlugin: "luoshi-legacy-chromium",
    OnceExit(root) {
      unwrapLayers(root);
      expandShorthands(root);
      addSelectorFallbacks(root);
    },
  };
}
legacyChromium.postcss = true;
