import { type GuideLocale, localeFromEnv } from "@connlab/probes/locale";
import { en, type MessageKey } from "./en.ts";
import { es } from "./es.ts";

export type { MessageKey };
export type Locale = GuideLocale;
export const locales = ["es", "en"] as const satisfies readonly Locale[];

/** One table per locale; JSON output never goes through them (ids and codes only). */
export const messages: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { es, en };

let current: Locale | undefined;

/** `--lang` when given, else LC_ALL / LC_MESSAGES / LANG, else Spanish (the guide's default). */
export function chooseLocale(flag: Locale | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  current = flag ?? localeFromEnv(env);
  return current;
}

export function locale(): Locale {
  return current ?? chooseLocale(undefined);
}

/** The message for `key` in the chosen locale, `{name}` placeholders filled from `values`. */
export function t(key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  return messages[locale()][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
