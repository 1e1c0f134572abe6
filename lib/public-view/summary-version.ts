/**
 * Which submission of a public summary the office read: when it was submitted and a hash of its text, so
 * that a newer submission (even one within the same millisecond, as under the demo's pinned clock) must
 * be read before it is decided. Pure.
 */
export function summaryVersion(draftAt: Date | null, draft: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < draft.length; i++) hash = Math.imul(hash ^ draft.charCodeAt(i), 0x01000193) >>> 0;
  return `${draftAt?.getTime() ?? 0}-${hash.toString(36)}`;
}
