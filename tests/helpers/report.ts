import { judged, type Report } from "@connlab/probes";
import {
  arpFirstWaiterMinMs,
  browserClients,
  type ClientName,
  type Expectation,
  getScenario,
  type Scenario,
  waitWindowMs,
} from "@connlab/scenarios";
import { expect } from "vitest";
import { testsFirefox } from "./firefox.ts";

/**
 * The clients of a scenario that a tier drives: the browser tier takes the browsers (Firefox
 * only where it can start, or under CI), the lab the rest.
 */
export function clientsFor(scenario: Scenario, tier: "lab" | "browser"): ClientName[] {
  return scenario.expect
    .map((expectation) => expectation.client)
    .filter((client) => browserClients.includes(client) === (tier === "browser"))
    .filter((client) => client !== "firefox" || testsFirefox());
}

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
 * `expectations`: those the run was judged against, when they replace the declaration's.
 */
export function expectTimedAsDeclared(
  report: Report,
  expectations: readonly Expectation[] = getScenario(report.scenario).expect,
): void {
  const waitsOf = (o: Observed) => expectations.find((e) => e.client === o.client)?.waits;
  const outside = report.observations.flatMap((o) => {
    const waits = waitsOf(o);
    if (!waits) return [];
    const { min, max } = waitWindowMs(waits);
    const ms = waitedMs(o);
    return ms >= min && ms <= max ? [] : [`${o.client} took ${ms} ms, outside ${waits}'s ${min}–${max} ms`];
  });
  expect(outside).toEqual([]);
  // ARP: clients queue behind one query, so only the run's longest waiter shows it giving up.
  const arpWaits = report.observations.filter((o) => waitsOf(o) === "arp");
  if (arpWaits.length > 0) {
    const times = arpWaits.map((o) => `${o.client} ${waitedMs(o)} ms`).join(", ");
    const longest = Math.max(...arpWaits.map(waitedMs));
    expect(longest, `the longest ARP waiter (${times})`).toBeGreaterThanOrEqual(arpFirstWaiterMinMs);
  }
}

/**
 * The one way tests assert a run of observe()/reproduce(): the run did not fail (no watchdog),
 * the clients that answered are exactly the ones asked for (default: every client the
 * declaration names), in its order, and each observed what it declares (broken: its code and
 * message pattern, through judge(), in the time window of the timer it declares it waits for;
 * fixed: connected). Failures list every client's reason. `expectations`: those the run was
 * judged against (observe's `expect`), when they replace the declaration's.
 */
export function expectAsDeclared(
  report: Report,
  asked: Scenario | readonly ClientName[],
  expectations?: readonly Expectation[],
): void {
  const clients = "expect" in asked ? asked.expect.map((e) => e.client) : asked;
  expect(report.failure, "the run failed").toBeUndefined();
  expect(report.observations.map((o) => o.client)).toEqual(clients);
  const misses = report.observations
    .filter((o) => !o.ok)
    .map((o) => `${o.client} (${o.clientVersion}): ${o.why}`);
  expect(misses).toEqual([]);
  expect(report.ok).toBe(true);
  if (!report.fixed) expectTimedAsDeclared(report, expectations);
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
