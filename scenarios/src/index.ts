import { chapters } from "./catalog/index.ts";
import { ConnlabError } from "./error.ts";
import { type Category, categories, type LabTier, Scenario } from "./schema.ts";

export type { DeclaredId, DockerScenarioId, LabSetupName } from "./catalog/index.ts";
export { defineScenario } from "./define.ts";
export { ConnlabError, type ErrorCode, errorExitStatus } from "./error.ts";
export { labImage, portRangeStart, smallPortRange } from "./facts.ts";
export * from "./schema.ts";
export * from "./timers.ts";

function validate(): readonly Scenario[] {
  const seen = new Set<string>();
  return categories.flatMap((category) =>
    chapters[category].map((declaration) => {
      const parsed = Scenario.safeParse(declaration);
      const label = typeof declaration?.id === "string" ? declaration.id : "(no id)";
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
        throw new Error(`scenario ${label} is invalid: ${issues.join("; ")}`);
      }
      if (parsed.data.category !== category)
        throw new Error(`scenario ${label} is declared in catalog/${category}.ts, not its category's file`);
      if (seen.has(parsed.data.id)) throw new Error(`scenario ${label} is declared twice`);
      seen.add(parsed.data.id);
      return Object.freeze(parsed.data);
    }),
  );
}

/** Every scenario, validated at load, in the guide's order. */
export const scenarios: readonly Scenario[] = validate();

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

export { categories };
