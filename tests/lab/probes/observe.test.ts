import { createServer } from "node:net";
import { observe } from "@connlab/probes";
import { getScenario } from "@connlab/scenarios";
import { type Listening, listen } from "@connlab/servers";
import { afterEach, describe, expect, it } from "vitest";
import { expectAsDeclared } from "../../helpers/report.ts";

describe("observe()", () => {
  let server: Listening | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("judges each client of a scenario against a target someone else set up", async () => {
    // A raw TCP server on the WebSocket port: what protocol-ws-to-raw-tcp declares.
    server = await listen(
      createServer((socket) => {
        socket.on("error", () => socket.destroy());
        socket.end("HELLO connlab\n");
      }),
      { host: "127.0.0.1" },
    );
    const scenario = getScenario("protocol-ws-to-raw-tcp");
    const report = await observe(scenario, { url: `ws://127.0.0.1:${server.port}/` }, { clients: ["ws"] });
    expect(report.scenario).toBe(scenario.id);
    expect(report.observations[0]?.expected).toMatch(/^\S+ \/.+\/$/);
    expectAsDeclared(report, ["ws"]);
  });

  it("a client still silent when the watchdog fires fails the run and writes no row for it", async () => {
    // Accepts and never answers: the client waits for a handshake response that never comes.
    server = await listen(
      createServer((socket) => socket.on("error", () => socket.destroy())),
      { host: "127.0.0.1" },
    );
    const report = await observe(
      getScenario("protocol-ws-to-raw-tcp"),
      { url: `ws://127.0.0.1:${server.port}/` },
      { clients: ["ws"], watchdogMs: 500 },
    );
    expect(report).toMatchObject({ ok: false, observations: [], failure: "no answer within 0.5 s from ws" });
  });
});
