import type { ClientName, Scenario } from "@connlab/scenarios";
import { firefoxReadiness, type Readiness } from "../tiers.ts";

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
