import legacyChromium from "./lib/css/legacy-chromium.mjs";

// Tailwind writes for Chromium 111+; the second plugin rewrites what the office PCs' Chromium 86 cannot use.
export default { plugins: [["@tailwindcss/postcss", {}], legacyChromium()] };
