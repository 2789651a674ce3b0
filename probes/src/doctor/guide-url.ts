import { getScenario } from "@connlab/scenarios";

export const guideLocales = ["es", "en"] as const;
export type GuideLocale = (typeof guideLocales)[number];

/**
 * Where the guide is served when nothing else is said: the site's local preview (`pnpm --filter
 * site preview`, Astro's default port). Override with --guide-url or CONNLAB_GUIDE_URL.
 */
export const defaultGuideUrl = "http://localhost:4321";

/** The locale from LC_ALL, LC_MESSAGES or LANG, as POSIX orders them: Spanish if it says `es`. */
export function localeFromEnv(env: NodeJS.ProcessEnv): GuideLocale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^es([_.@-]|$)/i.test(value) ? "es" : "en";
}

/** The page of a scenario: Spanish at the root (the guide's original language), English under /en/. */
export function guideUrl(id: string, locale: GuideLocale, base = defaultGuideUrl): string {
  const slug = getScenario(id).docs;
  const root = base.replace(/\/+$/, "");
  return locale === "es" ? `${root}/${slug}/` : `${root}/en/${slug}/`;
}
