import type { Lang } from "./catalogue.ts";

/** A client's own time to its outcome, as a reader compares it with a timer: ms, then seconds. */
export function elapsedText(ms: number, lang: Lang): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1_000).toLocaleString(lang, { maximumFractionDigits: ms < 10_000 ? 1 : 0 })} s`;
}
