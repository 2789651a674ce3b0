import { getClient } from "@connlab/probes";
import { type Listening, startFastifyWs, startWs } from "@connlab/servers";
import { afterEach, describe, expect, it } from "vitest";

// What the policy pages say about ws and fastify's own hooks, measured: which status a refusal
// carries, and which subprotocol ws picks when the application does not choose.
const ws = getClient("ws");
// A hang guard only: every probe here ends by its own answer (403, 401, a 101) long before.
const watchdogMs = 30_000;
const started: Listening[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

describe("ws and fastify handshake hooks", () => {
  it("ws's one-argument verifyClient refuses with 401, the callback form with the status it is given", async () => {
    const plain = await startWs({ host: "127.0.0.1", handshake: { verifyClient: () => false } });
    const withStatus = await startWs({
      host: "127.0.0.1",
      handshake: { verifyClient: (_info, done) => done(false, 403) },
    });
    started.push(plain, withStatus);
    const refusedPlain = await ws.probe({ url: `ws://127.0.0.1:${plain.port}/` }, { watchdogMs });
    const refusedWithStatus = await ws.probe({ url: `ws://127.0.0.1:${withStatus.port}/` }, { watchdogMs });
    expect([refusedPlain.code, refusedPlain.message]).toEqual([
      "WS_UNEXPECTED_RESPONSE",
      "Unexpected server response: 401",
    ]);
    expect([refusedWithStatus.code, refusedWithStatus.message]).toEqual([
      "WS_UNEXPECTED_RESPONSE",
      "Unexpected server response: 403",
    ]);
  });

  it("@fastify/websocket hands its options.verifyClient to ws: the same 403", async () => {
    const server = await startFastifyWs({
      host: "127.0.0.1",
      handshake: { verifyClient: (_info, done) => done(false, 403) },
    });
    started.push(server);
    const refused = await ws.probe({ url: `ws://127.0.0.1:${server.port}/` }, { watchdogMs });
    expect([refused.code, refused.message]).toEqual([
      "WS_UNEXPECTED_RESPONSE",
      "Unexpected server response: 403",
    ]);
  });

  it("ws without handleProtocols picks the first subprotocol asked for", async () => {
    const server = await startWs({ host: "127.0.0.1" });
    started.push(server);
    const seen = await ws.probe(
      { url: `ws://127.0.0.1:${server.port}/`, protocols: ["chat", "superchat"] },
      { watchdogMs },
    );
    expect([seen.code, seen.message]).toEqual(["OK", "echo: connlab"]);
  });
});
