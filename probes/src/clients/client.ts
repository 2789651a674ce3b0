import type { ClientName } from "@connlab/scenarios";
import type { ProbeOptions, Target } from "@connlab/servers";
import { type Observation, WATCHDOG } from "../observation.ts";

/**
 * A real client driven by the probes, with its default options. `probe` never throws: failures
 * are observations. `options.watchdogMs` is the lab's watchdog, never a bound of the client's.
 */
export interface Client {
  readonly name: ClientName;
  /** Name and version as shown beside its messages on the site. */
  version(): Promise<string>;
  /**
   * Starts what its probe of `target` will use (a browser: one of the target's own, or the
   * shared one when no target is given), so that start-up counts neither against the watchdog
   * nor between the setup's start and its clients. Clients with nothing to start have none.
   */
  warmUp?(target?: Target): Promise<void>;
  probe(target: Target, options: ProbeOptions): Promise<Observation>;
}

/**
 * What a client reports when it had to end a process or page it started because the watchdog
 * ran out: a failed run (observe() treats it as no answer), never a symptom row.
 */
export function watchdogFired(watchdogMs: number): Pick<Observation, "code" | "message" | "elapsedMs"> {
  return {
    code: WATCHDOG,
    message: `no outcome within ${watchdogMs / 1000} s: the lab's watchdog ended the run (a failed run, not a symptom)`,
    elapsedMs: watchdogMs,
  };
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
