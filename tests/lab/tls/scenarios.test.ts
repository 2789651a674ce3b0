import { reproduce } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import { clientsFor, expectAsDeclared } from "../../helpers/report.ts";

// Every certificate scenario end to end with the Node clients and curl, broken then fixed. The
// clients verify as they do by default; a CA they are told to trust is a recorded setting.
const tlsScenarios = scenarios.filter((scenario) => scenario.category === "tls");

/** How each lab client is told to trust the lab's CA, as its row shows it. */
const trustSetting: Record<string, string> = {
  ws: "NODE_EXTRA_CA_CERTS=ca.pem",
  "node-websocket": "NODE_EXTRA_CA_CERTS=ca.pem",
  "node-http": "NODE_EXTRA_CA_CERTS=ca.pem",
  fetch: "NODE_EXTRA_CA_CERTS=ca.pem",
  curl: "--cacert ca.pem",
};

/** What every curl row over wss:// shows first: curl 7.88 speaks WebSocket only by these headers. */
const curlUpgrade =
  "-H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: …'";
const targetSettings = (client: string) => (client === "curl" ? [curlUpgrade] : []);

describe("the tls category", () => {
  it("has the untrusted-certificate and incomplete-chain scenarios", () => {
    expect(tlsScenarios.map((s) => s.id)).toEqual(["tls-untrusted-certificate", "tls-incomplete-chain"]);
  });
});

describe.concurrent.each(tlsScenarios.map((scenario) => [scenario.id, scenario] as const))(
  "%s",
  (id, scenario) => {
    const clients = clientsFor(scenario, "lab");

    it(`${clients.join(", ")} print what the declaration says`, async () => {
      const report = await reproduce(scenario, { clients });
      expectAsDeclared(report, clients);
      // Broken, an untrusted CA is met with the defaults alone; the missing intermediate is
      // met although the client trusts the root.
      const settings = report.observations.map((o) => [o.client, o.settings?.map((s) => s.setting) ?? []]);
      expect(settings).toEqual(
        clients.map((c) => [
          c,
          [...targetSettings(c), ...(id === "tls-incomplete-chain" ? [trustSetting[c]] : [])],
        ]),
      );
    });

    it(`${clients.join(", ")} connect once fixed, trusting the lab's CA (verification on)`, async () => {
      const report = await reproduce(scenario, { clients, fixed: true });
      expectAsDeclared(report, clients);
      expect(report.observations.map((o) => [o.client, o.settings?.map((s) => s.setting)])).toEqual(
        clients.map((c) => [c, [...targetSettings(c), trustSetting[c]]]),
      );
    });
  },
);
