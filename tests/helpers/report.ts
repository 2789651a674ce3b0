import { judged, type Report } from "@connlab/probes";
import type { ClientName, Expectation, Scenario } from "@connlab/scenarios";
import { expect } from "vitest";

/** The clients that run in the browser tier; every other client belongs to the lab tiers. */
const browserClients: readonly ClientName[] = ["chromium"];

/** The clients of a scenario that a tier drives: the browser tier takes Chromium, the lab the rest. */
export function clientsFor(scenario: Scenario, tier: "lab" | "browser"): ClientName[] {
  return scenario.expect
    .map((expectation) => expectation.client)
    .filter((client) => browserClients.includes(client) === (tier === "browser"));
}

/**
 * The one way tests assert a run of observe()/reproduce(): the run did not fail (no watchdog),
 * the clients that answered are exactly the ones asked for (default: every client the
 * declaration names), in its order, and each observed what it declares (broken: its code and
 * message pattern, through judge(); fixed: connected). Failures list every client's reason.
 */
export function expectAsDeclared(report: Report, asked: Scenario | readonly ClientName[]): void {
  const clients = "expect" in asked ? asked.expect.map((e) => e.client) : asked;
  expect(report.failure, "the run failed").toBeUndefined();
  expect(report.observations.map((o) => o.client)).toEqual(clients);
  const misses = report.observations
    .filter((o) => !o.ok)
    .map((o) => `${o.client} (${o.clientVersion}): ${o.why}`);
  expect(misses).toEqual([]);
  expect(report.ok).toBe(true);
}

/** The one comparison for observations made outside `reproduce` (variants of a setup). */
export function expectObservation(
  observation: Parameters<typeof judged>[0],
  expected: Omit<Expectation, "client">,
): void {
  const { why } = judged(observation, { client: observation.client, ...expected });
  // An object, so that a failure prints the whole observation rather than a truncated string.
  expect({ client: observation.client, why }).toEqual({ client: observation.client, why: "" });
}
