import type { ClientName } from "@connlab/scenarios";
import type { ProbeOptions, Target } from "@connlab/servers";
import { type Observation, WATCHDOG } from "../observation.ts";

/**
 * A real client driven by the probes, with its default options. `probe` never throws: failures
 * are observations. `options.timeoutMs` is the lab's watchdog, never a bound of the client's.
 */
export interface Client {
  readonly name: ClientName;
  /** Name and version as shown beside its messages on the site. */
  version(): Promise<string>;
  probe(target: Target, options: ProbeOptions): Promise<Observation>;
}

/** The failed observation of a run the watchdog ended: no row, no symptom. */
export function watchdogFired(timeoutMs: number): Pick<Observation, "code" | "message" | "elapsedMs"> {
  return {
    code: WATCHDOG,
    message: `no outcome within ${timeoutMs / 1000} s: the lab's watchdog ended the run (a failed run, not a symptom)`,
    elapsedMs: timeoutMs,
  };
}

/**
 * The client, with the lab's watchdog around each attempt: if it has no outcome by
 * `options.timeoutMs` (plus `startupMs` for a client that must start first, like a browser),
 * the run is reported as failed (WATCHDOG) and left to the process's exit.
 */
export function watched(client: Client, startupMs = 0): Client {
  return {
    name: client.name,
    version: () => client.version(),
    probe: async (target, options) => {
      let timer: NodeJS.Timeout | undefined;
      const watchdog = new Promise<Observation>((resolve) => {
        timer = setTimeout(async () => {
          resolve({
            client: client.name,
            clientVersion: await client.version(),
            exitCode: null,
            ...watchdogFired(options.timeoutMs),
          });
        }, options.timeoutMs + startupMs);
        timer.unref();
      });
      try {
        return await Promise.race([client.probe(target, options), watchdog]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Wall-clock timer for observations, in whole milliseconds. */
export function stopwatch(): () => number {
  const start = performance.now();
  return () => Math.round(performance.now() - start);
}

/** Variables that change where a client connects; a probe gets only the target's own. */
const routingVariables = /^(https?_proxy|all_proxy|no_proxy|node_use_env_proxy)$/i;

/**
 * The environment for a client process: this one's, minus any proxy settings of the person
 * running connlab (which would silently reroute or rescue the probes), plus the target's env.
 */
export function probeEnv(target: Target): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !routingVariables.test(key)) env[key] = value;
  }
  return { ...env, ...target.env };
}
