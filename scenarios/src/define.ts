import type { ScenarioInput } from "./schema.ts";

/**
 * Identity at runtime; it only gives each declaration file its type, keeping its literal id and
 * setup names so that registries keyed by them (servers' setups) are checked by the compiler.
 * Validation happens once, for the whole catalogue, in `index.ts`, so a bad declaration fails
 * with its id in the message.
 */
export function defineScenario<const D extends ScenarioInput>(declaration: D): D {
  return declaration;
}
