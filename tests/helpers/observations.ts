import { judge, type Report } from "@connlab/probes";
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
 * Asserts that a report shows, for every client it ran, exactly the declared observation when
 * broken (code and message pattern, through `judge`) or a connection when fixed. The failure
 * message lists each client's code and text, so a wrong expectation is fixed from the log.
 */
export function expectAsDeclared(report: Report, clients: readonly ClientName[]): void {
  expect(report.observations.map((o) => o.client)).toEqual(clients);
  const misses = report.observations
    .filter((o) => o.why !== "")
    .map((o) => `${o.client} (${o.clientVersion}): ${o.why}`);
  expect(misses).toEqual([]);
  expect(report.ok).toBe(true);
}

/** The one comparison for observations made outside `reproduce` (variants of a setup). */
export function expectObservation(
  observation: Parameters<typeof judge>[0],
  expected: Omit<Expectation, "client">,
): void {
  const verdict = judge(observation, { client: observation.client, ...expected });
  // An object, so that a failure prints the whole observation rather than a truncated string.
  expect({ client: observation.client, why: verdict.why }).toEqual({ client: observation.client, why: "" });
}
