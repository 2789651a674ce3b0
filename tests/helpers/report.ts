import type { Report } from "@connlab/probes";
import type { Scenario } from "@connlab/scenarios";
import { expect } from "vitest";

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
}
