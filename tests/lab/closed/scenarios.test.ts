import { reproduce } from "@connlab/probes";
import { labIdleMs, labProxyReadTimeoutMs, scenarios } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import { clientsFor, expectAsDeclared } from "../../helpers/report.ts";

// "Closed after connect" end to end with the Node WebSocket clients (the browsers' rows are the
// browser tier's): the socket opens through a real nginx, stays silent, and nginx's idle limit
// closes it without a close frame; with the server's pings the same silent socket outlives it.
// (The Socket.IO session behind a load balancer has its own file: socketio-no-sticky.test.ts, and
// so has the server out of file descriptors: server-out-of-fds.test.ts; Docker's published port
// is the docker tier's: tests/docker/published-loopback.test.ts.)
const closed = scenarios.filter((scenario) => scenario.category === "closed");
const idle = closed.filter((scenario) => scenario.fault.name === "proxy-idle-timeout");

/** Every row records the proxy's shortened limit, broken and fixed: the run's one non-default. */
const proxySetting = [`proxy_read_timeout ${labProxyReadTimeoutMs / 1000}s;`, "proxy configuration"];

describe("the closed category", () => {
  it("has the proxy idle timeout, the Socket.IO session without stickiness, the server out of descriptors and Docker's published port to a loopback app", () => {
    expect(closed.map((s) => s.id)).toEqual([
      "closed-proxy-idle-timeout",
      "closed-socketio-no-sticky",
      "closed-server-out-of-fds",
      "closed-docker-published-loopback",
    ]);
    expect(idle.map((s) => s.id)).toEqual(["closed-proxy-idle-timeout"]);
  });
});

describe.concurrent.each(idle.map((scenario) => [scenario.id, scenario] as const))("%s", (_id, scenario) => {
  const clients = clientsFor(scenario, "lab");

  it(`${clients.join(", ")} see 1006 with no reason when the proxy's limit passes`, async () => {
    const report = await reproduce(scenario, { clients });
    // Code and message as declared, each within the proxy-idle window (about the limit, 3 s).
    expectAsDeclared(report, clients);
    for (const o of report.observations) {
      expect(
        o.settings?.map((s) => [s.setting, s.where]),
        o.client,
      ).toEqual([proxySetting]);
    }
  });

  it(`${clients.join(", ")} still get their echo after ${labIdleMs / 1000} s of silence once the server pings`, async () => {
    const report = await reproduce(scenario, { clients, fixed: true });
    expectAsDeclared(report, clients);
    for (const o of report.observations) {
      expect(o.message, o.client).toBe("echo: connlab");
      // The echo answers the text sent only after the silence: the socket outlived the limit.
      expect(o.elapsedMs, o.client).toBeGreaterThanOrEqual(labIdleMs);
      expect(
        o.settings?.map((s) => [s.setting, s.where]),
        o.client,
      ).toEqual([proxySetting]);
    }
  });
});
