import { getScenario } from "@connlab/scenarios";
import type { GuideLocale } from "./locale.ts";

export { type GuideLocale, guideLocales, localeFromEnv } from "./locale.ts";

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
