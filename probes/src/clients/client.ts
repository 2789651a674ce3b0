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

/** Variables that change where a client connects; a probe gets only the target's own. */
// The CA variables too: a probe trusts the defaults plus the target's CA, never the runner's.
const routingVariables =
  /^(https?_proxy|all_proxy|no_proxy|node_use_env_proxy|node_extra_ca_certs|ssl_cert_file|ssl_cert_dir|curl_ca_bundle)$/i;

/**
 * The environment for a client process: this one's, minus any proxy settings of the person
 * running connlab (which would silently reroute, rescue or trust for the probes), plus the target's env.
 */
export function probeEnv(target: Target): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !routingVariables.test(key)) env[key] = value;
  }
  return { ...env, ...target.env };
}
