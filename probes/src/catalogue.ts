import { type Scenario, scenarios } from "@connlab/scenarios";
import { type Setup, setups } from "@connlab/servers";
import { type Report, type ReproduceOptions, reproduce } from "./reproduce.ts";

function runsHere(setup: Setup | undefined): boolean {
  if (!setup) return false;
  if (setup.tier === "lab") return true;
  return setup.tier === "lab-root" && process.getuid?.() === 0;
}

/**
 * Whether this machine can reproduce the scenario both ways: its fault and its fix have a setup
 * of a tier it can run (rootless always, lab-root as root, docker never here). Every client a
 * scenario can name exists: `clients` is total over ClientName.
 */
export function reproducibleHere(scenario: Scenario): boolean {
  return runsHere(setups.get(scenario.fault.name)) && runsHere(setups.get(scenario.fix.apply.name));
}

/**
 * Whether `connlab record` can reproduce it through Docker instead: both setups are docker ones
 * (a container of the stack's image, seen from this host). Whether
 * dockerd and the image are there is asked once by the caller (dockerReady).
 */
export function recordableInDocker(scenario: Scenario): boolean {
  return (
    setups.get(scenario.fault.name)?.tier === "docker" &&
    setups.get(scenario.fix.apply.name)?.tier === "docker"
  );
}

/** The tier a reproducible scenario's setups need: docker or lab-root if either does, else lab. */
export function tierOf(scenario: Scenario): "lab" | "lab-root" | "docker" {
  const tiers = [scenario.fault.name, scenario.fix.apply.name].map((n) => setups.get(n)?.tier);
  return tiers.includes("docker") ? "docker" : tiers.includes("lab-root") ? "lab-root" : "lab";
}

export interface BothWays {
  readonly scenario: Scenario;
  readonly broken: Report;
  readonly fixed: Report;
}

/**
 * Reproduces scenarios broken and fixed, a few at a time: on a 2-core machine, dozens of servers
 * and client processes at once would stretch the time a loopback RST takes to reach its client
 * past the "answer" window (timers.ts), and a page's numbers would say so.
 */
export async function reproduceBothWays(
  selected: readonly Scenario[] = scenarios.filter(reproducibleHere),
  options: ReproduceOptions & { readonly concurrency?: number } = {},
): Promise<BothWays[]> {
  const results: BothWays[] = [];
  const queue = [...selected];
  const worker = async () => {
    for (let scenario = queue.shift(); scenario; scenario = queue.shift()) {
      const [broken, fixed] = await Promise.all([
        reproduce(scenario, { ...options, fixed: false }),
        reproduce(scenario, { ...options, fixed: true }),
      ]);
      results.push({ scenario, broken, fixed });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  const order = new Map(selected.map((s, i) => [s.id, i]));
  return results.sort((a, b) => (order.get(a.scenario.id) ?? 0) - (order.get(b.scenario.id) ?? 0));
}
