import { type Observation, reproduce } from "@connlab/probes";
import { getScenario } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import { clientsFor, expectAsDeclared } from "../../helpers/report.ts";

// Socket.IO's own Node client (io(url), defaults) through a real nginx balancing two real
// Socket.IO servers: round-robin sends the request after the handshake to the server that never
// saw it (400 Session ID unknown, the first connect_error); with `ip_hash;` the session stays on
// one server, upgrades and echoes. The browsers' rows are the browser tier's.
const scenario = getScenario("closed-socketio-no-sticky");
const clients = clientsFor(scenario, "lab");

/** The nginx line each run records beside every row: its upstream's balancing. */
const settingsOf = (o: Observation) => o.settings?.map((s) => [s.setting, s.where]);

describe.concurrent("closed-socketio-no-sticky", () => {
  it("is for Socket.IO's own clients only: the Node one here", () => {
    expect(clients).toEqual(["socket.io-client"]);
  });

  it("round-robin: the first connect_error is the other server's 400 Session ID unknown", async () => {
    const report = await reproduce(scenario, { clients });
    expectAsDeclared(report, clients);
    for (const o of report.observations) {
      expect(o.code, o.client).toBe("TransportError");
      expect(o.message, o.client).toMatch(/; description: 400; /);
      expect(o.message, o.client).toContain(
        'context.responseText: {"code":1,"message":"Session ID unknown"}',
      );
      expect(settingsOf(o), o.client).toEqual([
        ["upstream socketio_nodes { server …; server …; }", "proxy configuration"],
      ]);
    }
  });

  it("ip_hash: connected through nginx, and the echo back", async () => {
    const report = await reproduce(scenario, { clients, fixed: true });
    expectAsDeclared(report, clients);
    for (const o of report.observations) {
      expect(o.message, o.client).toBe("echo: connlab");
      expect(settingsOf(o), o.client).toEqual([["ip_hash;", "proxy configuration"]]);
    }
  });
});
