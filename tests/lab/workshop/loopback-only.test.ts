import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRuns, type WorkshopSandbox, workshopSandbox } from "../../helpers/workshop.ts";

describe("workshop loopback-only", cliRuns, () => {
  let ws: WorkshopSandbox;
  beforeAll(async () => {
    ws = await workshopSandbox();
  });
  afterAll(() => ws.cleanup());

  it("fails while server.conf says 127.0.0.1, until the server is restarted on 0.0.0.0", async () => {
    const port = ws.portBase + 2;
    expect((await ws.run(["workshop", "start", "loopback-only"])).exitCode).toBe(0);

    const before = await ws.run(["workshop", "check", "loopback-only"]);
    expect(before.exitCode).toBe(1);
    expect(String(before.stdout)).toBe(
      [
        "✗ loopback-only: not fixed yet",
        `  http://127.0.0.2:${port}/: fetch saw ECONNREFUSED: fetch failed`,
        "  The server listens on 127.0.0.1 only: listen on 0.0.0.0 so every local address can connect.",
      ].join("\n"),
    );

    ws.edit("loopback-only", "server.conf", (text) => text.replace("host: 127.0.0.1", "host: 0.0.0.0"));
    const edited = await ws.run(["workshop", "check", "loopback-only"]);
    expect(edited.exitCode).toBe(1);
    expect(String(edited.stdout)).toContain(
      "server.conf says host 0.0.0.0, but the running server still listens on 127.0.0.1.",
    );

    const restarted = await ws.run(["workshop", "restart", "loopback-only"]);
    expect(String(restarted.stdout)).toBe(`loopback-only: restarted, listening on 0.0.0.0:${port}`);
    const after = await ws.run(["workshop", "check", "loopback-only"]);
    expect(String(after.stdout)).toBe(
      `✓ loopback-only: fixed\n  the server listens on 0.0.0.0:${port}; 127.0.0.2 and 127.0.0.1 both connect`,
    );
    expect(after.exitCode).toBe(0);
  });

  it("a server.conf the server cannot read makes restart fail with the reason on one line", async () => {
    ws.edit("loopback-only", "server.conf", (text) => text.replace(/^host: .*$/m, "host: my-laptop"));
    const restarted = await ws.run(["workshop", "restart", "loopback-only"]);
    expect(restarted.exitCode).toBe(1);
    expect(String(restarted.stderr)).toBe(
      'connlab: loopback-only did not start: server.conf: host "my-laptop" is not an IP address (try 0.0.0.0)',
    );
  });
});
