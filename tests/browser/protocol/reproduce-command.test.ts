import { describe, expect, it } from "vitest";
import { connlab } from "../../helpers/cli.ts";

interface JsonReport {
  ok: boolean;
  fixed: boolean;
  observations: { client: string; clientVersion: string; code: string; message: string }[];
}

// The command a reader runs, in a child process: it must print the console text, then exit
// by itself (the shared browser is closed once idle).
describe("connlab reproduce protocol-ws-to-http --json", () => {
  it("reports Chromium's exact console line with its version", async () => {
    const result = await connlab(["reproduce", "protocol-ws-to-http", "--json"]);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(result.exitCode).toBe(0);
    expect(report.ok).toBe(true);
    const chromium = report.observations.find((o) => o.client === "chromium");
    expect(chromium?.clientVersion).toMatch(/^Chromium \d+\.\d+\.\d+\.\d+$/);
    expect(chromium?.message).toMatch(
      /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/' failed: Error during WebSocket handshake: Unexpected response code: 200$/,
    );
  });

  it("shows every client exchanging a message with --fixed", async () => {
    const result = await connlab(["reproduce", "protocol-ws-to-http", "--fixed", "--json"]);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(result.exitCode).toBe(0);
    expect(report.observations.map((o) => [o.client, o.code])).toEqual([
      ["chromium", "OK"],
      ["ws", "OK"],
      ["node-websocket", "OK"],
      ["curl", "OK"],
    ]);
  });
});
