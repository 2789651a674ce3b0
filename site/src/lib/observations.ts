import { ObservationsArtifact, type ScenarioRecord } from "@connlab/probes/artifact";
import recorded from "@connlab/probes/observations.json";

/**
 * What real clients printed, recorded by the probes (probes/observations.json). Validated
 * here, at build time: a malformed artifact fails the build instead of rendering nonsense.
 */
export const observations: ObservationsArtifact = ObservationsArtifact.parse(recorded);

export function recordOf(id: string): ScenarioRecord | undefined {
  return observations.scenarios[id];
}
