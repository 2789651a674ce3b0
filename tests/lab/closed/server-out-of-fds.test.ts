import { type Observation, reproduce } from "@connlab/probes";
import { getScenario } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import { clientsFor, expectAsDeclared } from "../../helpers/report.ts";

// The web app in a process of its own, started with `prlimit --nofile=64:64`, and WebSockets the
// setup holds open to it until it closes one at once: every descriptor below the limit is in
// use. The kernel still completes each client's handshake (node:net connects); libuv, on
// accept()'s EMFILE, accepts and closes each connection, so every client that sends something
// gets a FIN or a RST and no byte (the declaration lists both, each measured). With the lab's own
// limit the same server holds all 64 WebSockets and every client connects. The browsers' rows are
// the browser tier's.
const scenario = getScenario("closed-server-out-of-fds");
const clients = clientsFor(scenario, "lab");

const settingsOf = (o: Observation) => o.settings?.map((s) => [s.setting, s.where]);

describe.concurrent("closed-server-out-of-fds", () => {
  it("with every descriptor in use: node:net connects, every other client gets no byte back", async () => {
    const report = await reproduce(scenario, { clients });
    expectAsDeclared(report, clients);
    // Measured in the server's process once the WebSockets are held: /proc/PID/limits and
    // /proc/PID/fd. The last WebSocket the setup tried was closed as the clients' are.
    const facts = report.facts ?? {};
    expect(facts.limit).toBe(64);
    expect(facts.openFds).toBe(64);
    expect(facts.held).toBeGreaterThan(0);
    expect(facts.held).toBeLessThan(64);
    expect(facts.heldError).toMatch(/^(socket hang up|read ECONNRESET)$/);
    for (const o of report.observations) {
      expect(settingsOf(o), o.client).toEqual([["prlimit --nofile=64:64", "server process"]]);
      // The note beside the setting is this run's measurement, not typed text.
      expect(o.settings?.[0]?.defaultNote.en, o.client).toContain(
        `"Max open files" 64 in /proc/PID/limits and 64 descriptors open below it in /proc/PID/fd, ${facts.held} of them WebSockets`,
      );
    }
  });

  it("with the lab's own limit: the same server holds all 64 WebSockets and every client connects", async () => {
    const report = await reproduce(scenario, { clients, fixed: true });
    expectAsDeclared(report, clients);
    expect(report.facts).toMatchObject({ held: 64, heldError: null });
    expect(Number(report.facts?.limit)).toBeGreaterThan(64);
    for (const o of report.observations) expect(o.settings, o.client).toBeUndefined();
  });
});
