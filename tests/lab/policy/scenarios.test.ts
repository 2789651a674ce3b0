import { reproduce } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import { clientsFor, expectAsDeclared } from "../../helpers/report.ts";

// Every policy scenario the Node clients and curl take part in, broken then fixed (Chromium's
// rows are the browser tier's). Mixed content has none: only a browser has that rule.
const policy = scenarios.filter((s) => s.category === "policy");
const withLabClients = policy.filter((s) => clientsFor(s, "lab").length > 0);

describe("refused by policy, without a browser", () => {
  it("leaves out only the browser-only scenario, which says why", () => {
    const browserOnly = policy.filter((s) => clientsFor(s, "lab").length === 0);
    expect(browserOnly.map((s) => [s.id, s.browserOnly !== undefined])).toEqual([
      ["policy-mixed-content", true],
    ]);
  });

  describe.concurrent.each(withLabClients.map((s) => [s.id, s] as const))("%s", (_id, scenario) => {
    const clients = clientsFor(scenario, "lab");

    it(`${clients.join(", ")} print what the declaration says`, async () => {
      const report = await reproduce(scenario, { clients });
      expectAsDeclared(report, clients);
      // Loopback: the server's answer is immediate, so every client ends on it well within a second.
      for (const o of report.observations) expect(o.elapsedMs, o.client).toBeLessThan(5_000);
    });

    it(`${clients.join(", ")} connect and exchange a message once fixed`, async () => {
      expectAsDeclared(await reproduce(scenario, { clients, fixed: true }), clients);
    });
  });

  it("records the asked subprotocol beside each row, as the application's choice", async () => {
    const scenario = policy.find((s) => s.id === "policy-subprotocol-mismatch");
    if (!scenario) throw new Error("no policy-subprotocol-mismatch");
    const report = await reproduce(scenario, { clients: ["ws", "node-websocket"] });
    for (const o of report.observations) {
      expect(o.settings?.map((s) => [s.setting, s.where])).toEqual([
        ['new WebSocket(url, ["chat"])', "client option"],
      ]);
    }
  });
});
