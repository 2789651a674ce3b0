import type { ClientName } from "@connlab/scenarios";
import type { ProbeOptions, Target } from "@connlab/servers";
import type { Observation } from "../observation.ts";

/** A real client driven by the probes. `probe` never throws: failures are observations. */
export interface Client {
  readonly name: ClientName;
  /** Name and version as shown beside its messages on the site. */
  version(): Promise<string>;
  probe(target: Target, options: ProbeOptions): Promise<Observation>;
}

/** Wall-clock timer for observations, in whole milliseconds. */
export function stopwatch(): () => number {
  const start = performance.now();
  return () => Math.round(performance.now() - start);
}
