import { installLegacyPolyfills } from "@/lib/browser/legacy-polyfills";

// Runs before the page hydrates: the built-ins older 信创 browsers (Chromium 86+) lack.
installLegacyPolyfills();
