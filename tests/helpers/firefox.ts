import { reproduce } from "@connlab/probes";
import type { ClientName, Scenario } from "@connlab/scenarios";
import { describe, it } from "vitest";
import { firefoxReadiness, type Readiness } from "../tiers.ts";
import { clientsFor, expectAsDeclared } from "./report.ts";

/** A run that starts Firefox in its namespace: tens of seconds with both cores busy (own-network.ts). */
export const firefoxRunMs = 180_000;

const inCi = process.env.CI === "true" || process.env.CI === "1";
let readiness: Readiness | undefined;

/**
 * Whether this run tests Firefox. Outside CI, a machine that cannot start it skips Firefox's
 * tests, saying why in one line; with CI=true they run and fail, never skip: CI must prove
 * Firefox too (scripts/test.ts treats a tier that cannot start alike).
 */
export function testsFirefox(): boolean {
  if (!readiness) {
    readiness = firefoxReadiness();
    if (!readiness.ready && !inCi) process.stdout.write(`firefox: skipped, ${readiness.why}\n`);
  }
  return readiness.ready || inCi;
}

/**
 * A scenario's clients but Firefox, for the lab tiers: Firefox's rows are the browser tier's
 * (each of its runs starts a Firefox, seconds of CPU that would stretch the other clients'
 * measured times in concurrent runs), and those tiers do not need it installed.
 */
export function withoutFirefox(scenario: Scenario): ClientName[] {
  return scenario.expect.map((e) => e.client).filter((client) => client !== "firefox");
}

/**
 * Each browser's declared row for every scenario given, broken then fixed, through the same
 * reproduce() the CLI runs: one describe per scenario.
 */
export function browserRowsOf(scenarios: readonly Scenario[]): void {
  describe.each(scenarios.map((scenario) => [scenario.id, scenario] as const))("%s", (_id, scenario) => {
    const clients = clientsFor(scenario, "browser");

    it(
      `${clients.join(", ")}: the declared console line`,
      async () => {
        expectAsDeclared(await reproduce(scenario, { clients }), clients);
      },
      firefoxRunMs,
    );

    it(
      `${clients.join(", ")}: connected, the echo back, once fixed`,
      async () => {
        expectAsDeclared(await reproduce(scenario, { clients, fixed: true }), clients);
      },
      firefoxRunMs,
    );
  });
}
