/**
 * The two newer built-ins the page's script calls (Next.js's router and our charts): `.at()`
 * (Chromium 92) and `Object.hasOwn` (Chromium 93). The 信创 browsers on office PCs run Chromium 86+,
 * and Next.js loads its own polyfills only in browsers without ES modules, which these are not.
 * Installed by instrumentation-client.ts before the page hydrates.
 */
function at(this: ArrayLike<unknown>, index: number): unknown {
  const n = Math.trunc(index) || 0;
  const i = n < 0 ? this.length + n : n;
  return i < 0 || i >= this.length ? undefined : this[i];
}

function define(target: object, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

export function installLegacyPolyfills(): void {
  const typedArray = Object.getPrototypeOf(Int8Array.prototype) as object;
  for (const proto of [Array.prototype, String.prototype, typedArray]) define(proto, "at", at);
  // biome-ignore lint/suspicious/noPrototypeBuiltins: this is the polyfill of Object.hasOwn
  define(Object, "hasOwn", (object: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(Object(object), key));
}
