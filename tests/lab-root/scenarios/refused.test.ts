import { reproduce } from "@connlab/probes";
import { getScenario } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { expectAllConnected, expectAnsweredFast, leftovers, verdicts } from "../../helpers/root-lab.ts";

const refused = [
  ["node-net", "ECONNREFUSED", ""],
  ["node-http", "ECONNREFUSED", ""],
  ["fetch", "ECONNREFUSED", ""],
  ["curl", "CURLE_COULDNT_CONNECT", ""],
];

describe.concurrent("refused-cdn", () => {
  const scenario = getScenario("refused-cdn");

  it("the name leads to the CDN host, which answers the app's port with RST", async () => {
    const report = await reproduce(scenario);
    expect(verdicts(report)).toEqual(refused);
    expectAnsweredFast(report);
    for (const o of report.observations.filter((x) => x.client !== "curl" && x.client !== "fetch")) {
      expect(o.message).toMatch(/^connect ECONNREFUSED 198\.18\.0\.3:\d+$/);
    }
  });

  it("every client connects once the name points at the origin", async () => {
    expectAllConnected(await reproduce(scenario, { fixed: true }));
  });
});

// The contrast to timeout-firewall: a firewall that rejects instead of dropping answers at once,
// with a TCP RST or an ICMP port-unreachable, and every client reports it as refused.
describe.concurrent("a rejecting firewall (firewall-reject)", () => {
  const firewall = getScenario("timeout-firewall");
  const rejecting = (params: Record<string, unknown>) => ({
    ...firewall,
    fault: { name: "firewall-reject", params },
    expect: getScenario("refused-cdn").expect,
  });

  it.each([
    ["TCP RST", { with: "tcp reset" }],
    ["ICMP port unreachable", { with: "icmp" }],
  ])("answers with %s: every client is refused at once", async (_, params) => {
    const report = await reproduce(rejecting(params));
    expect(verdicts(report)).toEqual(refused);
    expectAnsweredFast(report);
    expect(report.ok).toBe(true);
  });
});

afterAll(async () => {
  expect(await leftovers()).toEqual([]);
});
