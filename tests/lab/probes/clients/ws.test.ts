import { setTimeout as sleep } from "node:timers/promises";
import { getClient } from "@connlab/probes";
import { freePort, type Listening, startHttp, startNet, startWs } from "@connlab/servers";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";

const ws = getClient("ws");
const watchdogMs = 1_000;

describe("ws client", () => {
  let server: Listening | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("connects, sends one message and gets its echo from the healthy ws server", async () => {
    server = await startWs({ host: "127.0.0.1" });
    const observation = await ws.probe({ url: `ws://127.0.0.1:${server.port}/` }, { watchdogMs });
    expect(observation).toMatchObject({
      client: "ws",
      code: "OK",
      message: "echo: connlab",
      exitCode: null,
    });
    expect(observation.clientVersion).toMatch(/^ws \d+\.\d+\.\d+ \(Node\.js \d+\.\d+\.\d+\)$/);
  });

  it("reports ECONNREFUSED as Node words it when nothing listens", async () => {
    const port = await freePort();
    const observation = await ws.probe({ url: `ws://127.0.0.1:${port}/` }, { watchdogMs });
    expect(observation).toMatchObject({
      code: "ECONNREFUSED",
      message: `connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });

  it("reports the HTTP status of a server that answers the upgrade as plain HTTP", async () => {
    server = await startHttp({ host: "127.0.0.1" });
    const observation = await ws.probe({ url: `http://127.0.0.1:${server.port}/` }, { watchdogMs });
    expect(observation).toMatchObject({
      code: "WS_UNEXPECTED_RESPONSE",
      message: "Unexpected server response: 200",
    });
  });

  it("reports the HTTP parser's error for a peer that speaks no HTTP", async () => {
    server = await startNet({ host: "127.0.0.1" });
    const observation = await ws.probe({ url: `ws://127.0.0.1:${server.port}/` }, { watchdogMs });
    expect(observation).toMatchObject({
      code: "HPE_INVALID_CONSTANT",
      message: "Parse Error: Expected HTTP/, RTSP/ or ICE/",
    });
  });

  it("has no timer of its own: with the echo never coming it is still waiting (observe()'s watchdog ends such a run)", async () => {
    const silent = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise((resolve) => silent.once("listening", resolve));
    const address = silent.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    try {
      const attempt = ws.probe({ url: `ws://127.0.0.1:${address.port}/` }, { watchdogMs: 300 });
      const pending = Symbol("pending");
      const after = await Promise.race([attempt, sleep(1_500).then(() => pending)]);
      expect(after).toBe(pending);
    } finally {
      for (const client of silent.clients) client.terminate();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
