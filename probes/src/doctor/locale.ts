// Its own module, free of the catalogue: the CLI picks its language before it loads anything else.
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
