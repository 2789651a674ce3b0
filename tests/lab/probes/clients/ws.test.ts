import { getClient, WATCHDOG } from "@connlab/probes";
import { freePort, type Listening, startHttp, startNet, startWs } from "@connlab/servers";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";

const ws = getClient("ws");
const timeoutMs = 1_000;

describe("ws client", () => {
  let server: Listening | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("connects, sends one message and gets its echo from the healthy ws server", async () => {
    server = await startWs({ host: "127.0.0.1" });
    const observation = await ws.probe({ url: `ws://127.0.0.1:${server.port}/` }, { timeoutMs });
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
    const observation = await ws.probe({ url: `ws://127.0.0.1:${port}/` }, { timeoutMs });
    expect(observation).toMatchObject({
      code: "ECONNREFUSED",
      message: `connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });

  it("reports the HTTP status of a server that answers the upgrade as plain HTTP", async () => {
    server = await startHttp({ host: "127.0.0.1" });
    const observation = await ws.probe({ url: `http://127.0.0.1:${server.port}/` }, { timeoutMs });
    expect(observation).toMatchObject({
      code: "WS_UNEXPECTED_RESPONSE",
      message: "Unexpected server response: 200",
    });
  });

  it("reports the HTTP parser's error for a peer that speaks no HTTP", async () => {
    server = await startNet({ host: "127.0.0.1" });
    const observation = await ws.probe({ url: `ws://127.0.0.1:${server.port}/` }, { timeoutMs });
    expect(observation).toMatchObject({
      code: "HPE_INVALID_CONSTANT",
      message: "Parse Error: Expected HTTP/, RTSP/ or ICE/",
    });
  });

  it("writes no error of its own when the echo never comes: the watchdog fails the run", async () => {
    const silent = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise((resolve) => silent.once("listening", resolve));
    const address = silent.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    try {
      const observation = await ws.probe({ url: `ws://127.0.0.1:${address.port}/` }, { timeoutMs: 300 });
      expect(observation).toMatchObject({
        code: WATCHDOG,
        message: "no outcome within 0.3 s: the lab's watchdog ended the run (a failed run, not a symptom)",
      });
      expect(observation.elapsedMs).toBeGreaterThanOrEqual(300);
      expect(observation.elapsedMs).toBeLessThan(1_500);
    } finally {
      for (const client of silent.clients) client.terminate();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
