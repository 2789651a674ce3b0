import { browserDockerCommand, dockerCommand as composeCommand, shellCommand } from "@connlab/docker/compose";
import { type Category, getScenario, type Scenario, scenarios } from "@connlab/scenarios";
import { t } from "./i18n.ts";

export type Lang = "es" | "en";

/** Starlight gives the page language as a BCP-47 tag; the guide only has these two. */
export function langOf(tag: string | undefined): Lang {
  return tag?.startsWith("en") ? "en" : "es";
}

/** The sub-path the guide is published under (CONNLAB_SITE_URL), without its trailing slash. */
const base = (import.meta.env?.BASE_URL ?? "/").replace(/\/+$/, "");

/** Spanish lives at the root, English under /en/ (Starlight's `root` locale), both under `base`. */
export function localePath(lang: Lang, path: string): string {
  const clean = path.replace(/^\/+|\/+$/g, "");
  const prefix = `${base}${lang === "es" ? "" : "/en"}`;
  return clean === "" ? `${prefix}/` : `${prefix}/${clean}/`;
}

export function scenarioPath(scenario: Scenario, lang: Lang): string {
  return localePath(lang, scenario.docs);
}

export function categoryPath(category: Category, lang: Lang): string {
  return localePath(lang, category);
}

export function reproduceCommand(scenario: Scenario, options: { fixed?: boolean } = {}): string {
  return `pnpm connlab reproduce ${scenario.id}${options.fixed ? " --fixed" : ""}`;
}

/** The commands that reproduce the scenario in the Docker stack (the probe, then by hand), as the stack spells them. */
export function dockerCommand(scenario: Scenario, lang: Lang): string {
  const browser = browserDockerCommand(scenario.id);
  const withChromium = browser ? `\n${browser}   # ${t(lang, "dockerWithChromium")}` : "";
  return `${composeCommand(scenario.id)}${withChromium}\n${shellCommand}   # ${t(lang, "dockerByHand")}`;
}

export { getScenario, scenarios };
