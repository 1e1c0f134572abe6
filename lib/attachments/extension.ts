/**
 * A stored file's name says what its content is: the extension follows the type found by the
 * file's magic bytes, never the other way round (`x.html` holding a PDF is stored and served as
 * `x.pdf`). The base name is kept; an extension that already fits, in any case, stays. Pure.
 */
import { cleanFilename } from "./filename";
import { MIME_OF, type AttachmentKind } from "./sniff";

/** The extensions each type is known by; the first is the one given when the name's does not fit. */
export const EXTENSIONS_OF: Record<AttachmentKind, readonly string[]> = {
  pdf: ["pdf"],
  png: ["png"],
  jpeg: ["jpg", "jpeg", "jpe", "jfif"],
  gif: ["gif"],
  webp: ["webp"],
  docx: ["docx"],
  xlsx: ["xlsx"],
  doc: ["doc"],
  xls: ["xls"],
};

/** What a name ends in counts as an extension when it has a letter: `v1.2` is a version, not a type. */
const EXTENSION = /\.([A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*)$/;

/** `x.html` → `x.pdf`, `报告` → `报告.pdf`, `报告.PDF` stays; cleaned and at most 120 characters. */
export function nameForKind(filename: string, kind: AttachmentKind): string {
  const name = cleanFilename(filename);
  const known = EXTENSIONS_OF[kind];
  const match = EXTENSION.exec(name);
  if (match && known.includes(match[1]!.toLowerCase())) return name;
  const base = match ? name.slice(0, match.index).trimEnd() : name;
  return cleanFilename(`${base === "" ? "附件" : base}.${known[0]}`);
}

const KIND_OF_MIME = new Map(Object.entries(MIME_OF).map(([kind, mime]) => [mime, kind as AttachmentKind]));

/** The name a stored file is served under, by the type recorded when it was uploaded (files stored before the rule included). */
export function nameForMimeType(filename: string, mimeType: string): string {
  const kind = KIND_OF_MIME.get(mimeType);
  return kind ? nameForKind(filename, kind) : filename;
}

/** A listed file under the extension of its type, also one stored before names followed it (as it downloads). */
export function withTypedName<T extends { filename: string; mimeType: string }>(file: T): T {
  const filename = nameForMimeType(file.filename, file.mimeType);
  return filename === file.filename ? file : { ...file, filename };
}
