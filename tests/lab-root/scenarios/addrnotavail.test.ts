import { reproduce } from "@connlab/probes";
import { getScenario, type Scenario } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { withoutFirefox } from "../../helpers/firefox.ts";
import { expectAsDeclared } from "../../helpers/report.ts";
import { expectAnsweredFast, leftovers, verdicts } from "../../helpers/root-lab.ts";

const noPortLeft = [
  ["node-net", "EADDRNOTAVAIL", ""],
  ["node-http", "EADDRNOTAVAIL", ""],
  ["fetch", "EADDRNOTAVAIL", ""],
  ["curl", "CURLE_COULDNT_CONNECT", ""],
  ["chromium", "ERR_ADDRESS_INVALID", ""],
];

// Firefox's rows are the browser tier's (tests/browser/firefox/rows.test.ts).
const clients = withoutFirefox(getScenario("addrnotavail-ephemeral-ports"));

function withParams(scenario: Scenario, params: Record<string, unknown>): Scenario {
  return { ...scenario, fault: { ...scenario.fault, params } };
}

describe.concurrent("addrnotavail-ephemeral-ports", () => {
  const scenario = getScenario("addrnotavail-ephemeral-ports");

  it.each([4, 8])("with %i ports, the connection after them fails: EADDRNOTAVAIL", async (size) => {
    const report = await reproduce(withParams(scenario, { size }), { clients });
    expect(report.facts).toEqual({ rangeSize: size, held: size, heldError: "EADDRNOTAVAIL" });
    expect(verdicts(report)).toEqual(noPortLeft);
    expectAnsweredFast(report);
  });

  it("with the range widened, the same load holds twice as many and every client connects", async () => {
    const report = await reproduce(scenario, { clients, fixed: true });
    expect(report.facts).toMatchObject({ held: 16, heldError: null });
    expectAsDeclared(report, clients);
  });
});

describe.concurrent("addrnotavail-time-wait", () => {
  const scenario = getScenario("addrnotavail-time-wait");

  it.each([0, 2])(
    "with tcp_tw_reuse=%i, closed connections keep every port in TIME_WAIT",
    async (twReuse) => {
      const report = await reproduce(withParams(scenario, { size: 8, twReuse }), { clients });
      expect(report.facts).toEqual({
        rangeSize: 8,
        twReuse: String(twReuse),
        closed: 8,
        churnError: "EADDRNOTAVAIL",
      });
      expect(verdicts(report)).toEqual(noPortLeft);
      expectAnsweredFast(report);
    },
  );

  it("with tcp_tw_reuse=1 the burst still runs out, but ports older than 1 s are reused", async () => {
    const report = await reproduce(scenario, { clients, fixed: true });
    expect(report.facts).toEqual({ rangeSize: 8, closed: 8, churnError: "EADDRNOTAVAIL", waitedMs: 1_100 });
    expectAsDeclared(report, clients);
  });
});

afterAll(async () => {
  expect(await leftovers()).toEqual([]);
});
