/** The 信创 browsers on office PCs (Chromium 86): what the built CSS may use, and the PostCSS step that gets it there. */
import postcss from "postcss";
import tailwind from "@tailwindcss/postcss";
import { transform } from "lightningcss";
import { describe, expect, it } from "vitest";
import legacyChromium, { expandSelector } from "@/lib/css/legacy-chromium.mjs";
import { findLegacyCssProblems } from "@/lib/css/legacy-css-check";

const constructs = (css: string) => findLegacyCssProblems(css).map((p) => p.construct);
const rewrite = async (css: string) => (await postcss([legacyChromium()]).process(css, { from: undefined })).css;

describe("findLegacyCssProblems", () => {
  it("finds cascade layers, nesting, :where/:is/:has and the logical shorthands", () => {
    expect(constructs("@layer theme, base;")).toEqual(["@layer"]);
    expect(constructs("@layer utilities { .p-4 { padding: 1rem } }")).toEqual(["@layer"]);
    expect(constructs(".card { .title { color: red } }")).toEqual(["CSS 嵌套"]);
    expect(constructs(":where(.space-y-2 > :not(:last-child)) { margin: 0 }")).toEqual([":where(…)"]);
    expect(constructs("select:is([multiple]) { margin: 0 }")).toEqual([":is(…)"]);
    expect(constructs("li:has(a) { margin: 0 }")).toEqual([":has(…)"]);
    expect(constructs(".px-4 { padding-inline: 1rem } .my-2 { margin-block: 2px } .inset-0 { inset: 0 }")).toEqual(["padding-inline", "margin-block", "inset"]);
  });

  it("finds newer colour functions without a fallback", () => {
    expect(constructs(":root { --color-red-600: oklch(57.7% .245 27.325) }")).toEqual(["oklch(…)"]);
    expect(constructs(".a { color: color-mix(in oklab, red 50%, transparent) }")).toEqual(["color-mix(…)"]);
    expect(constructs(".a { color: lab(50% 10 10) }")).toEqual(["lab(…)"]);
  });

  it("accepts a colour with a fallback before it or under @supports, and what Chromium 86 reads", () => {
    const css = [
      ".a { color: #fef2f299; color: color-mix(in oklab, var(--red) 60%, transparent) }",
      "@supports (color: lab(0% 0 0)) { :root { --red: lab(96% 3.6 1.8) } }",
      "@supports selector(:where(a)) { :where(.space-y-2 > :not(:last-child)) { margin: 0 } }",
      ".px-4 { padding-inline-start: 1rem; padding-inline-end: 1rem } @media (min-width: 48rem) { .md\\:flex { display: flex } }",
      "@property --tw-rotate-x { syntax: '*'; inherits: false }",
    ].join("\n");
    expect(findLegacyCssProblems(css)).toEqual([]);
  });
});

describe("expandSelector", () => {
  it("spells out :where() and :is() as the selectors they match", () => {
    expect(expandSelector(":where(.space-y-2 > :not(:last-child))")).toEqual([".space-y-2 > :not(:last-child)"]);
    expect(expandSelector("input:where([type=button],[type=reset])")).toEqual(["input[type=button]", "input[type=reset]"]);
    expect(expandSelector(":where(select:is([multiple],[size])) optgroup")).toEqual(["select[multiple] optgroup", "select[size] optgroup"]);
    expect(expandSelector("[hidden]:where(:not([hidden=until-found]))")).toEqual(["[hidden]:not([hidden=until-found])"]);
    expect(expandSelector(".plain > a")).toEqual([".plain > a"]);
  });

  it("refuses where spelling out would change what matches (a complex selector inside a compound)", () => {
    expect(expandSelector("li:is(.a .b)")).toBeNull();
  });
});

describe("the legacy-chromium PostCSS step", () => {
  it("unwraps @layer blocks in place, keeping their order and the unlayered rules after them", async () => {
    const css = await rewrite("@layer theme, base; @layer base { html { color: black } } @layer utilities { .p-4 { padding: 1rem } } html { color: red }");
    expect(css).not.toContain("@layer");
    expect(css.indexOf("html { color: black }")).toBeLessThan(css.indexOf(".p-4"));
    expect(css.indexOf(".p-4")).toBeLessThan(css.indexOf("html { color: red }"));
  });

  it("turns logical shorthands into longhands Chromium 69 reads, and the insets into top/right/bottom/left", async () => {
    const css = await rewrite(
      ".px-4 { padding-inline: calc(var(--spacing) * 4) } .my { margin-block: 1px 2px !important } .i { inset: 0 } .y { inset-block: -1px } .x { inset-inline: 1px 2px }",
    );
    expect(css).toContain("padding-inline-start: calc(var(--spacing) * 4); padding-inline-end: calc(var(--spacing) * 4)");
    expect(css).toContain("margin-block-start: 1px !important; margin-block-end: 2px !important");
    expect(css).toContain("top: 0; right: 0; bottom: 0; left: 0");
    expect(css).toContain(".y { top: -1px; bottom: -1px }");
    expect(css).toContain(".x { left: 1px; right: 2px }");
    expect(constructs(css)).toEqual([]);
  });

  it("keeps :where() rules for newer engines and adds the spelled-out copy for older ones", async () => {
    const css = await rewrite(":where(.space-y-2 > :not(:last-child)) { margin-block-start: 1px }");
    expect(css).toMatch(/@supports selector\(:where\(a\)\) \{\s*:where\(\.space-y-2 > :not\(:last-child\)\)/);
    expect(css).toMatch(/@supports not selector\(:where\(a\)\) \{\s*\.space-y-2 > :not\(:last-child\)/);
    expect(constructs(css)).toEqual([]);
  });

  it("leaves Tailwind's real output, once minified for Chromium 86 as the build does, with nothing Chromium 86 cannot use", async () => {
    const input = [
      '@import "tailwindcss" source(none);',
      '@source inline("px-4 py-2 mx-auto my-1 space-y-2 divide-y inset-0 -inset-y-1 inset-x-2 bg-red-600 bg-white/15 text-stone-600 md:flex hover:bg-red-700 sr-only");',
      "html { font-family: sans-serif }",
    ].join("\n");
    const from = `${process.cwd()}/app/legacy-css-test.css`;
    const tailwindOnly = await postcss([tailwind({ optimize: false })]).process(input, { from });
    const withStep = await postcss([tailwind({ optimize: false }), legacyChromium()]).process(input, { from });
    const build = (css: string) => transform({ filename: "a.css", code: Buffer.from(css), minify: true, targets: { chrome: 86 << 16 } }).code.toString();
    expect(constructs(build(tailwindOnly.css))).toContain("@layer");
    expect(findLegacyCssProblems(build(withStep.css))).toEqual([]);
  });
});
