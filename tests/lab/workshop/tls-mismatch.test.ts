import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRuns, type WorkshopSandbox, workshopSandbox } from "../../helpers/workshop.ts";

describe("workshop tls-mismatch", cliRuns, () => {
  let ws: WorkshopSandbox;
  beforeAll(async () => {
    ws = await workshopSandbox();
  });
  afterAll(() => ws.cleanup());

  it("curl fails the TLS handshake until client.conf uses http://, then connects", async () => {
    const port = ws.portBase + 4;
    expect((await ws.run(["workshop", "start", "tls-mismatch"])).exitCode).toBe(0);

    const before = await ws.run(["workshop", "check", "tls-mismatch"]);
    expect(before.exitCode).toBe(1);
    const lines = String(before.stdout).split("\n");
    expect(lines[0]).toBe("✗ tls-mismatch: not fixed yet");
    expect(lines[1]).toMatch(
      /^ {2}client\.conf uses https:\/\/ and curl saw CURLE_SSL_CONNECT_ERROR: curl: \(35\) .*wrong version number$/,
    );
    expect(lines[2]).toBe(`  Port ${port} speaks plain HTTP, without TLS: use the scheme that matches it.`);

    ws.edit("tls-mismatch", "client.conf", (text) => text.replace("url: https://", "url: http://"));
    const after = await ws.run(["workshop", "check", "tls-mismatch"]);
    expect(String(after.stdout)).toBe(
      `✓ tls-mismatch: fixed\n  curl saw a working connection: HTTP/1.1 200 OK at http://127.0.0.1:${port}/`,
    );
    expect(after.exitCode).toBe(0);
  });
});
