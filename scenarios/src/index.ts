import { chapters } from "./catalog/index.ts";
import { categories } from "./categories.ts";
import { crossFieldProblems, isPattern } from "./cross-checks.ts";
import { ConnlabError } from "./error.ts";
import type { Scenario } from "./schema.ts";
import type { Category, LabTier } from "./vocabulary.ts";

export type { DeclaredId, DockerScenarioId, LabSetupName } from "./catalog/index.ts";
export { categories, categoryText } from "./categories.ts";
export { defineScenario } from "./define.ts";
export { ConnlabError, type ErrorCode, errorExitStatus } from "./error.ts";
export { labImage, portRangeStart, smallPortRange } from "./facts.ts";
export { chromiumClosedBeforeAnswer } from "./observed.ts";
// Types only: the schema's validators (zod) load from "@connlab/scenarios/schema", where they are
// needed (tests, records), not on every command's start-up.
export type { Change, Expectation, Localized, Scenario, ScenarioInput } from "./schema.ts";
export * from "./timers.ts";
export * from "./vocabulary.ts";

type Declaration = (typeof chapters)[Category][number];

/** A pattern the RegExp constructor rejects, as the schema words it. */
function invalidPatterns(declaration: Declaration): string[] {
  const patterns = declaration.expect.flatMap((e) => [
    e.message,
    ...(("alternatives" in e && e.alternatives) || []).map((a) => a.message),
  ]);
  return patterns
    .filter((source) => !isPattern(source))
    .map((source) => `not a valid regular expression: ${source}`);
}

/**
 * The declaration as the schema would give it back: its defaults filled in. The type checker
 * holds each declaration to the schema's input type (defineScenario); the unit tests parse every
 * declaration with the schema itself and compare the result with this one.
 */
function withDefaults(declaration: Declaration): Scenario {
  const d = declaration as Declaration & { related?: readonly string[] };
  const change = (c: { name: string; params?: Readonly<Record<string, unknown>> }) => ({
    ...c,
    params: c.params ?? {},
  });
  return {
    ...d,
    fault: change(d.fault),
    fix: { ...d.fix, apply: change(d.fix.apply) },
    related: d.related ?? [],
  } as Scenario;
}

/** Every declaration, checked as it loads: what only a run of code can catch, with its id. */
function load(): readonly Scenario[] {
  const seen = new Set<string>();
  return categories.flatMap((category) =>
    chapters[category].map((declaration: Declaration) => {
      const label = declaration.id;
      if (declaration.category !== category)
        throw new Error(`scenario ${label} is declared in catalog/${category}.ts, not its category's file`);
      const problems = [...crossFieldProblems(declaration), ...invalidPatterns(declaration)];
      if (problems.length > 0) throw new Error(`scenario ${label} is invalid: ${problems.join("; ")}`);
      if (seen.has(label)) throw new Error(`scenario ${label} is declared twice`);
      seen.add(label);
      return Object.freeze(withDefaults(declaration));
    }),
  );
}

/** Every scenario, checked at load, in the guide's order. */
export const scenarios: readonly Scenario[] = load();

const byId = new Map(scenarios.map((s) => [s.id, s]));

export const scenarioIds: readonly string[] = scenarios.map((s) => s.id);

/** The categories with a scenario in `tier`, in the guide's order (Docker's profiles, say). */
export function categoriesReproducedIn(tier: LabTier): Category[] {
  return categories.filter((c) => scenarios.some((s) => s.category === c && s.reproducibleIn.includes(tier)));
}

export function getScenario(id: string): Scenario {
  const scenario = byId.get(id);
  if (!scenario) {
    throw new ConnlabError(
      "unknown-scenario",
      `unknown scenario "${id}"; valid ids: ${scenarioIds.join(", ")}`,
    );
  }
  return scenario;
}

export function isScenarioId(id: string): boolean {
  return byId.has(id);
}

export function scenariosIn(category: Category): readonly Scenario[] {
  return scenarios.filter((s) => s.category === category);
}
