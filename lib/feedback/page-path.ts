/**
 * The page a 意见建议 was sent from (`/feedback/new?from=…`): a path inside the app, nothing else.
 * Pure. Kept as the sender's own record; an anonymous one shows the office only the section of the
 * app (`/reports`), since a full path (`/reports/24/12`, one unit's report) could name the sender.
 */

/** The longest page path kept. */
export const PAGE_PATH_MAX = 300;

/** Letters, digits and the characters of a path, its query and its fragment; no spaces, no backslash, no control character. */
const PATH_CHARACTERS = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]*$/;

/**
 * Whether `value` is a path inside this app: it starts with one `/` (not `//host`, not `/\host`), has no
 * scheme or host, no `..` segment, no spaces or control characters, and is at most PAGE_PATH_MAX long.
 */
export function isInAppPath(value: string): boolean {
  if (value.length === 0 || value.length > PAGE_PATH_MAX) return false;
  if (!PATH_CHARACTERS.test(value)) return false;
  if (value.startsWith("//")) return false;
  const path = value.split(/[?#]/, 1)[0]!;
  if (path.split("/").some((segment) => segment === ".." || segment === ".")) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  // An encoded `//`, `\`, `..` or control character is refused as its plain form is.
  return !decoded.startsWith("//") && !decoded.includes("\\") && ![...decoded].some(isControl) && !decoded.split("/").includes("..");
}

/** A control character (U+0000–U+001F, U+007F). */
function isControl(character: string): boolean {
  const code = character.codePointAt(0)!;
  return code < 0x20 || code === 0x7f;
}

/** The path as given when it is in the app, or null (a `from` that is not one is dropped, never refused). */
export function inAppPathOrNull(value: string | null | undefined): string | null {
  return typeof value === "string" && isInAppPath(value) ? value : null;
}

/** `/reports/24/12?x=1` → `/reports`: the section of the app, all an anonymous one shows the office. */
export function pageSection(path: string): string {
  const first = path.split(/[?#]/, 1)[0]!.split("/")[1] ?? "";
  return `/${first}`;
}
