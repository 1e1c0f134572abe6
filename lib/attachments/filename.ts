/** Uploaded file names: cleaned before they are stored, encoded when they are served. Pure. */
import { MAX_FILENAME_CHARS } from "./limits";

// Control characters (C0, DEL, C1) and the bidirectional overrides that can disguise an extension.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const FALLBACK = "附件";

/** The last path part, without control characters, at most 120 characters (the extension kept). */
export function cleanFilename(raw: string, maxChars = MAX_FILENAME_CHARS): string {
  const lastPart = raw.split(/[\\/]/).pop() ?? "";
  const name = lastPart.normalize("NFC").replace(UNSAFE, "").trim();
  if (name === "" || /^\.+$/.test(name)) return FALLBACK;
  const chars = Array.from(name);
  if (chars.length <= maxChars) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 10) {
    return (
      chars
        .slice(0, maxChars - extension.length)
        .join("")
        .trimEnd() + extension.join("")
    );
  }
  return chars.slice(0, maxChars).join("").trimEnd();
}

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
