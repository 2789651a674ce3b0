import {
  type ClientName,
  ConnlabError,
  type Expectation,
  labSynRetries,
  type Scenario,
  synTimeoutMs,
  waitWindowMs,
} from "@connlab/scenarios";
import { type RunningSetup, type Setup, setups, type Target } from "@connlab/servers";
import { judge } from "./expectations.ts";
import { networkIsolation } from "./firefox.ts";
import { probeClients } from "./in-netns.ts";
import type { Observation } from "./observation.ts";
import { joinReports, needsOwnNetwork, reproduceInOwnNetwork } from "./own-network.ts";

/** One client's observation with the verdict on it: what was expected, and why it differs. */
export interface Judged extends Observation {
  /** `CODE /pattern/` from the declaration (`… or …` with its alternatives), or "connected" for a fixed run. */
  readonly expected: string;
  readonly ok: boolean;
  /** Why it does not match, in one line; empty when it does. */
  readonly why: string;
}

/** What a run of a scenario's clients shows; `connlab reproduce --json` prints it. */
export interface Report {
  readonly scenario: string;
  readonly ok: boolean;
  readonly fixed: boolean;
  /** The clients that answered, in the declaration's order. */
  readonly observations: readonly Judged[];
  /**
   * Set when the run itself failed: the watchdog fired before these clients answered. Not a
   * symptom: nothing was observed, so nothing is judged or recorded for them.
   */
  readonly failure?: string;
  /** What the setup measured before the clients ran (e.g. connections held), when it says. */
  readonly facts?: RunningSetup["facts"];
}

export interface ObserveOptions {
  /** Judge against "every client connects" (the declared fix is in place). */
  readonly fixed?: boolean;
  /** Only these clients (default: every client the scenario declares). */
  readonly clients?: readonly ClientName[];
  /** Expectations that replace the declaration's for the same clients (e.g. docker's). */
  readonly expect?: readonly Expectation[];
  /** The watchdog for the whole run (default `watchdogMs`). */
  readonly watchdogMs?: number;
  /** Run the clients in a process of their own (see probeClients), as the docker probe does. */
  readonly ownProcess?: boolean;
}

/**
 * How long a run may take before it counts as failed (no row is written): far past the longest
 * timer a client meets in the lab, the kernel's SYN retries as the lab shortens them (15 s
 * nominal, ~19.5 s measured; undici's connect timer is 10 s), so that on a loaded machine it
 * only ever ends a run that hangs, never races a kernel timer. Node's start-up in a namespace
 * is not part of it (in-netns.ts).
 */
export const watchdogMs = synTimeoutMs(labSynRetries) * 4;

/**
 * The watchdog of a run: `watchdogMs`, or longer when a client's declared timer ends later (the
 * kernel's retransmissions of data, ~51 s as the lab shortens them), so it never races it.
 */
function watchdogFor(expectations: readonly Expectation[]): number {
  const latest = expectations.map((e) => (e.waits ? waitWindowMs(e.waits).max : 0));
  return Math.max(watchdogMs, ...latest.map((ms) => Math.ceil(ms / 1_000) * 1_000 + 15_000));
}

/** The expectations a run judges against: the declaration's, overridden per client, filtered. */
function expectationsOf(scenario: Scenario, options: ObserveOptions): Expectation[] {
  const overrides = new Map((options.expect ?? []).map((e) => [e.client, e]));
  return scenario.expect
    .map((e) => overrides.get(e.client) ?? e)
    .filter((e) => !options.clients || options.clients.includes(e.client));
}

/** One observation judged against its expectation, or against "connected" when fixed. */
export function judged(observation: Observation, expected: Expectation | "connected"): Judged {
  const verdict = judge(observation, expected);
  return {
    ...observation,
    expected:
      expected === "connected"
        ? "connected"
        : [expected, ...(expected.alternatives ?? [])].map((o) => `${o.code} /${o.message}/`).join(" or "),
    ok: verdict.ok,
    why: verdict.why,
  };
}

/**
 * Runs the scenario's clients concurrently against a target someone else set up (the lab, a
 * compose service, a workshop exercise) and judges each one: the one runtime every caller
 * shares. Never throws for what the clients saw; a watchdog firing makes a failed run.
 */
export async function observe(
  scenario: Scenario,
  target: Target,
  options: ObserveOptions = {},
): Promise<Report> {
  const fixed = options.fixed ?? false;
  const expectations = expectationsOf(scenario, options);
  const limitMs = options.watchdogMs ?? watchdogFor(expectations);
  const seen = await probeClients(
    expectations.map((e) => e.client),
    target,
    limitMs,
    { ownProcess: options.ownProcess ?? false },
  );
  const observations: Judged[] = [];
  const silent: ClientName[] = [];
  expectations.forEach((expectation, i) => {
    const observation = seen[i];
    if (observation) observations.push(judged(observation, fixed ? "connected" : expectation));
    else silent.push(expectation.client);
  });
  const failure =
    silent.length > 0 ? `no answer within ${limitMs / 1000} s from ${silent.join(", ")}` : undefined;
  return {
    scenario: scenario.id,
    ok: !failure && observations.every((o) => o.ok),
    fixed,
    observations,
    ...(failure ? { failure } : {}),
  };
}

export interface ReproduceOptions extends ObserveOptions {
  /** Extra params for the setup, over the scenario's own (fixed ports in the workshop). */
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * The setup that puts the scenario's fault (or its fix) in place on this machine; one line
 * saying why when the lab has none or it needs root this process lacks.
 */
export function labSetup(
  scenario: Scenario,
  fixed = false,
): { setup: Setup; params: Readonly<Record<string, unknown>> } {
  const change = fixed ? scenario.fix.apply : scenario.fault;
  const setup = setups.get(change.name);
  if (!setup) {
    throw new ConnlabError(
      "not-reproducible",
      `scenario ${scenario.id} runs in the Docker stack, not the lab (no setup "${change.name}")`,
    );
  }
  if (setup.tier === "lab-root" && process.getuid?.() !== 0) {
    throw new ConnlabError(
      "needs-root",
      `scenario ${scenario.id} needs root (network namespaces); run it as root`,
    );
  }
  return { setup, params: change.params };
}

/**
 * setup.start → observe → close: sets the scenario up (broken, or fixed), runs its clients
 * against it, and tears it down whatever happens. A client that may run only where it reaches
 * nothing but the lab (Firefox, own-network.ts) takes the rootless lab's setup with it into a
 * network namespace of its own, unless this process is already in one; the other clients run
 * here against theirs, as they always do, and the two reports are joined.
 */
export async function reproduce(scenario: Scenario, options: ReproduceOptions = {}): Promise<Report> {
  const { setup, params } = labSetup(scenario, options.fixed);
  const asked = expectationsOf(scenario, options).map((e) => e.client);
  const fenced = asked.filter(needsOwnNetwork);
  if (setup.tier !== "lab" || fenced.length === 0 || (await networkIsolation())) {
    return reproduceHere(setup, { ...params, ...options.params }, scenario, options);
  }
  const rest = asked.filter((client) => !needsOwnNetwork(client));
  const parts = await Promise.all([
    ...(rest.length > 0
      ? [reproduceHere(setup, { ...params, ...options.params }, scenario, { ...options, clients: rest })]
      : []),
    reproduceInOwnNetwork(scenario.id, {
      ...options,
      clients: fenced,
      watchdogMs: options.watchdogMs ?? watchdogMs,
    }),
  ]);
  return joinReports(asked, parts);
}

async function reproduceHere(
  setup: Setup,
  params: Readonly<Record<string, unknown>>,
  scenario: Scenario,
  options: ObserveOptions,
): Promise<Report> {
  const running = await setup.start(params);
  try {
    const report = await observe(scenario, running.target, options);
    return { ...report, ...(running.facts ? { facts: running.facts } : {}) };
  } finally {
    await running.close();
  }
}
