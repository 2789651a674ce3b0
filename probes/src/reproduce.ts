import { type ClientName, labSynRetries, type Scenario, synTimeoutMs } from "@connlab/scenarios";
import { type RunningSetup, setups } from "@connlab/servers";
import { judge } from "./expectations.ts";
import { probeClients } from "./in-netns.ts";
import type { Observation } from "./observation.ts";

/** What `connlab reproduce --json` prints. */
export interface Report {
  readonly scenario: string;
  readonly ok: boolean;
  readonly fixed: boolean;
  readonly observations: readonly (Observation & { readonly expected: string; readonly why: string })[];
  /** What the setup measured before the clients ran (e.g. connections held), when it says. */
  readonly facts?: RunningSetup["facts"];
}

export class NotReproducibleError extends Error {
  readonly code = "CONNLAB_NOT_REPRODUCIBLE";
}

export interface ReproduceOptions {
  readonly fixed?: boolean;
  /** Only these clients (default: every client the scenario declares). */
  readonly clients?: readonly ClientName[];
  /** The watchdog for each client's attempt: a run still going then is failed, not a row. */
  readonly timeoutMs?: number;
}

/**
 * The watchdog: far past the longest timer a client meets in the lab (the kernel's shortened
 * SYN retries, ~15–20 s), so that even on a machine loaded many times over it only ever fires
 * on a run that hangs, never in a race with a kernel timer.
 */
export const defaultTimeoutMs = synTimeoutMs(labSynRetries) * 6;

/**
 * Sets the scenario up (broken, or fixed), runs its clients concurrently against it, tears it
 * down whatever happens, and judges each observation against the declaration.
 */
export async function reproduce(scenario: Scenario, options: ReproduceOptions = {}): Promise<Report> {
  const fixed = options.fixed ?? false;
  const change = fixed ? scenario.fix.apply : scenario.fault;
  const setup = setups.get(change.name);
  if (!setup) {
    throw new NotReproducibleError(
      `scenario ${scenario.id} cannot be reproduced by the lab yet (no setup "${change.name}")`,
    );
  }
  if (setup.tier === "lab-root" && process.getuid?.() !== 0) {
    throw new NotReproducibleError(`scenario ${scenario.id} needs root (network namespaces); run it as root`);
  }
  const expectations = scenario.expect.filter((e) => !options.clients || options.clients.includes(e.client));
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  let running: RunningSetup | undefined;
  try {
    running = await setup.start(change.params);
    const target = running.target;
    const observed = await probeClients(
      expectations.map((expectation) => expectation.client),
      target,
      { timeoutMs },
    );
    const observations = expectations.map((expectation, i) => {
      const observation = observed[i] as Observation;
      const verdict = judge(observation, fixed ? "connected" : expectation);
      return {
        ...observation,
        expected: fixed ? "connected" : `${expectation.code} /${expectation.message}/`,
        why: verdict.why,
      };
    });
    const ok = observations.every((o) => o.why === "");
    return {
      scenario: scenario.id,
      ok,
      fixed,
      observations,
      ...(running.facts ? { facts: running.facts } : {}),
    };
  } finally {
    await running?.close();
  }
}
