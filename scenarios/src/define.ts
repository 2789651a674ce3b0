import type { ScenarioInput } from "./schema.ts";

/**
 * Identity at runtime; it only gives each declaration file its type. Validation happens once,
 * for the whole catalogue, in `index.ts`, so a bad declaration fails with its id in the message.
 */
export function defineScenario(declaration: ScenarioInput): ScenarioInput {
  return declaration;
}
