import type { RecordedObservation } from "@connlab/probes/artifact";
import type { Lang } from "./catalogue.ts";

/**
 * One non-default setting an observation ran with (a shortened kernel timer in the client's
 * namespace, NODE_USE_ENV_PROXY=1, a Chromium flag…), as probes/observations.json records it.
 */
export interface ShownSetting {
  readonly setting: string;
  readonly where: string;
  /** What the client would print, or how long it would take, without it. */
  readonly defaultNote: Readonly<Record<Lang, string>>;
}

/** The settings of one row; an artifact recorded before settings existed has none. */
export function settingsOf(observation: RecordedObservation): readonly ShownSetting[] {
  return (observation as { settings?: readonly ShownSetting[] }).settings ?? [];
}

const whereWords: Record<string, Record<Lang, string>> = {
  "client namespace": { es: "espacio de red del cliente", en: "client namespace" },
  environment: { es: "entorno", en: "environment" },
  "command line": { es: "línea de órdenes", en: "command line" },
  "client option": { es: "opción del cliente", en: "client option" },
  "browser profile": { es: "perfil del navegador", en: "browser profile" },
  "proxy configuration": { es: "configuración del proxy", en: "proxy configuration" },
  "server process": { es: "proceso del servidor", en: "server process" },
};

/** Where a setting was made, in the page's language (an unknown place is shown as recorded). */
export function whereText(where: string, lang: Lang): string {
  return whereWords[where]?.[lang] ?? where;
}

/** Every distinct setting of a set of rows, once, in first-seen order: the notes under a table. */
export function distinctSettings(observations: readonly RecordedObservation[]): ShownSetting[] {
  const seen = new Map<string, ShownSetting>();
  for (const o of observations) {
    for (const s of settingsOf(o)) if (!seen.has(s.setting)) seen.set(s.setting, s);
  }
  return [...seen.values()];
}
