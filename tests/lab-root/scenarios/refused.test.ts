import { reproduce } from "@connlab/probes";
import { getScenario } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { withoutFirefox } from "../../helpers/firefox.ts";
import { expectAsDeclared } from "../../helpers/report.ts";
import { expectAnsweredFast, leftovers, verdicts } from "../../helpers/root-lab.ts";

const refused = [
  ["node-net", "ECONNREFUSED", ""],
  ["node-http", "ECONNREFUSED", ""],
  ["fetch", "ECONNREFUSED", ""],
  ["curl", "CURLE_COULDNT_CONNECT", ""],
  ["chromium", "ERR_CONNECTION_REFUSED", ""],
];

// Firefox's rows are the browser tier's (tests/browser/firefox/rows.test.ts).
const clients = withoutFirefox(getScenario("refused-cdn"));

describe.concurrent("refused-cdn", () => {
  const scenario = getScenario("refused-cdn");

  it("the name leads to the CDN host, which answers the app's port with RST", async () => {
    const report = await reproduce(scenario, { clients });
    expect(verdicts(report)).toEqual(refused);
    expectAnsweredFast(report);
    for (const o of report.observations.filter((x) => x.client === "node-net" || x.client === "node-http")) {
      expect(o.message).toMatch(/^connect ECONNREFUSED 198\.18\.0\.3:\d+$/);
    }
  });

  it("every client connects once the name points at the origin", async () => {
    expectAsDeclared(await reproduce(scenario, { clients, fixed: true }), clients);
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
    const report = await reproduce(rejecting(params), { clients });
    expect(verdicts(report)).toEqual(refused);
    expectAnsweredFast(report);
    expect(report.ok).toBe(true);
  });
});

afterAll(async () => {
  expect(await leftovers()).toEqual([]);
});

// Root variants of rootless scenarios: the same causes with real LAN addresses. The declarations
// keep their rootless setups as default; these setups are exercised here only.
describe.concurrent.each([
  ["refused-wrong-host", "wrong-host-lan", "right-host-lan", /198\.18\.0\.4/],
  ["refused-loopback-only", "listen-loopback-lan", "listen-any-lan", /198\.18\.0\.2/],
  ["refused-dns-wrong-ip", "dns-wrong-answer-lan", "dns-answer-fixed", /198\.18\.0\.4/],
] as const)("%s on a LAN (%s)", (id, fault, fix, address) => {
  const scenario = {
    ...getScenario(id),
    fault: { name: fault, params: {} },
    fix: { ...getScenario(id).fix, apply: { name: fix, params: {} } },
    expect: getScenario("refused-cdn").expect,
  };

  it("every client is refused by the host it reached", async () => {
    const report = await reproduce(scenario, { clients });
    expect(verdicts(report)).toEqual(refused);
    expectAnsweredFast(report);
    expect(report.observations[0]?.message).toMatch(address);
  });

  it("every client connects once fixed", async () => {
    expectAsDeclared(await reproduce(scenario, { clients, fixed: true }), clients);
  });
});
