/** Quoted spans of a text (“…”, ‘…’, "…", 「…」, 『…』, 《…》): numbers inside them are names, not targets. */

const PAIRS: Record<string, string> = { "“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", '"': '"' };

export type Span = readonly [start: number, end: number];

export function findQuotes(text: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const close = PAIRS[text.charAt(i)];
    if (close === undefined) continue;
    const end = text.indexOf(close, i + 1);
    if (end < 0) continue;
    spans.push([i, end]);
    i = end;
  }
  return spans;
}

export function insideQuotes(spans: readonly Span[], at: number): boolean {
  return spans.some(([start, end]) => at > start && at < end);
}
