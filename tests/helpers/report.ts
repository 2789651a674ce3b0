import type { Report } from "@connlab/probes";
import { type Scenario, waitWindowMs } from "@connlab/scenarios";
import { expect } from "vitest";

type Observed = Report["observations"][number];

/**
 * How long the client itself says it waited. curl is a process of its own, so its elapsed time
 * includes its spawn; it prints its own "after N ms", used instead. Chromium's is the page's.
 */
export function waitedMs(o: Observed): number {
  const curlMs = o.client === "curl" ? /after (\d+) m(?:s|illiseconds)/.exec(o.message)?.[1] : undefined;
  return curlMs === undefined ? o.elapsedMs : Number(curlMs);
}

/**
 * Each client waited as long as the timer its declaration names (`waits`) says: an answer at
 * once, ARP giving up, the kernel's (lab-shortened) SYN retries, or undici's connect timer.
 */
export function expectTimedAsDeclared(report: Report, scenario: Scenario): void {
  const outside = report.observations.flatMap((o) => {
    const waits = scenario.expect.find((e) => e.client === o.client)?.waits;
    if (!waits) return [];
    const { min, max } = waitWindowMs(waits);
    const ms = waitedMs(o);
    return ms >= min && ms <= max ? [] : [`${o.client} took ${ms} ms, outside ${waits}'s ${min}–${max} ms`];
  });
  expect(outside).toEqual([]);
}

/**
 * The one way lab tests assert a reproduction: the clients that ran are exactly the ones the
 * declaration names, in its order, and each observed what it declares (broken: its code and
 * message pattern, through judge(); fixed: connected). Failures list every client's reason.
 */
export function expectAsDeclared(report: Report, scenario: Scenario): void {
  expect(report.scenario).toBe(scenario.id);
  expect(report.observations.map((o) => o.client)).toEqual(scenario.expect.map((e) => e.client));
  const wanted = scenario.expect.map((e) => (report.fixed ? "OK" : e.code));
  expect(
    report.observations.map((o) => o.code),
    "codes",
  ).toEqual(wanted);
  const mismatches = report.observations.filter((o) => o.why !== "").map((o) => `${o.client}: ${o.why}`);
  expect(mismatches).toEqual([]);
  expect(report.ok).toBe(true);
  if (!report.fixed) expectTimedAsDeclared(report, scenario);
}
