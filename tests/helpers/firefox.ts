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
