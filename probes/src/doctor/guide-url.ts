import { getScenario } from "@connlab/scenarios";

export const guideLocales = ["es", "en"] as const;
export type GuideLocale = (typeof guideLocales)[number];

/**
 * The locale from LC_ALL, LC_MESSAGES or LANG, as POSIX orders them: English when it says `en`,
 * otherwise Spanish, the guide's default language (also for C, POSIX or an unset locale).
 */
export function localeFromEnv(env: NodeJS.ProcessEnv): GuideLocale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en([_.@-]|$)/i.test(value) ? "en" : "es";
}

/** A scenario's page path: Spanish at the root (the guide's original language), English under /en/. */
export function guidePath(id: string, locale: GuideLocale): string {
  const slug = getScenario(id).docs;
  return locale === "es" ? `/${slug}/` : `/en/${slug}/`;
}

/**
 * The page of a scenario on the published guide at `base` (CONNLAB_SITE_URL, sub-path kept);
 * without a base, its path alone, which `connlab start` serves at the root.
 */
export function guideUrl(id: string, locale: GuideLocale, base?: string): string {
  const path = guidePath(id, locale);
  return base === undefined ? path : `${base.replace(/\/+$/, "")}${path}`;
}
