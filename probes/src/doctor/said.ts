import type { GuideLocale } from "./guide-url.ts";

/**
 * A finding's sentence in both of the guide's languages, like the catalogue's titles: checks
 * describe what they saw once, and the report speaks the reader's locale (`--lang`, LANG).
 */
export type Said = Readonly<Record<GuideLocale, string>>;

export function said(en: string, es: string): Said {
  return { en, es };
}

/** Both languages, joined with the same separator (a list of notes, two evidences of one cause). */
export function joined(parts: readonly Said[], separator: string): Said {
  return {
    en: parts.map((p) => p.en).join(separator),
    es: parts.map((p) => p.es).join(separator),
  };
}
