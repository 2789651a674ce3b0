import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRuns, type WorkshopSandbox, workshopSandbox } from "../../helpers/workshop.ts";

describe("workshop ws-to-http", cliRuns, () => {
  let ws: WorkshopSandbox;
  beforeAll(async () => {
    ws = await workshopSandbox();
  });
  afterAll(() => ws.cleanup());

  it("the ws client gets a plain 200 until the declaration says websocket and the server restarts", async () => {
    const port = ws.portBase + 3;
    expect((await ws.run(["workshop", "start", "ws-to-http"])).exitCode).toBe(0);

    const seen = await ws.run(["workshop", "try", "ws-to-http"]);
    expect(String(seen.stdout).split("\n")[0]).toBe(
      "ws saw WS_UNEXPECTED_RESPONSE: Unexpected server response: 200",
    );
    const before = await ws.run(["workshop", "check", "ws-to-http"]);
    expect(before.exitCode).toBe(1);
    expect(String(before.stdout)).toBe(
      "✗ ws-to-http: not fixed yet\n  server.conf still declares protocol: http; the client speaks WebSocket (ws://).",
    );

    ws.edit("ws-to-http", "server.conf", (text) => text.replace("protocol: http", "protocol: websocket"));
    expect((await ws.run(["workshop", "restart", "ws-to-http"])).exitCode).toBe(0);
    const after = await ws.run(["workshop", "check", "ws-to-http"]);
    expect(String(after.stdout)).toBe(
      `✓ ws-to-http: fixed\n  ws saw a working connection: echo: connlab over ws://127.0.0.1:${port}/`,
    );
    expect(after.exitCode).toBe(0);
  });
});
