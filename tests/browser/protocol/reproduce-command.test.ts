import { describe, expect, it } from "vitest";
import { connlab } from "../../helpers/cli.ts";
import { firefoxRunMs, testsFirefox } from "../../helpers/firefox.ts";

interface JsonReport {
  ok: boolean;
  fixed: boolean;
  observations: {
    client: string;
    clientVersion: string;
    code: string;
    message: string;
    settings?: { setting: string; where: string }[];
    clues?: { closeCode?: number; httpStatus?: number; networkError?: string };
  }[];
}

function run(args: readonly string[]) {
  return connlab(["reproduce", "protocol-ws-to-http", ...args, "--json"], { timeoutMs: firefoxRunMs });
}

// The command a reader runs, in a child process: it must print the console text, then exit
// by itself (each shared browser is closed once idle).
describe("connlab reproduce protocol-ws-to-http --json", () => {
  it("reports Chromium's exact console line with its version", async () => {
    const result = await connlab(["reproduce", "protocol-ws-to-http", "--json", "--client", "chromium"]);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(result.exitCode).toBe(0);
    expect(report.ok).toBe(true);
    const chromium = report.observations.find((o) => o.client === "chromium");
    expect(chromium?.clientVersion).toMatch(/^Chromium \d+\.\d+\.\d+\.\d+$/);
    expect(chromium?.message).toMatch(
      /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/' failed: Error during WebSocket handshake: Unexpected response code: 200$/,
    );
  });

  // Every client the scenario declares, Firefox among them: where Firefox cannot start (outside CI), skipped.
  it.runIf(testsFirefox())(
    "shows every client exchanging a message with --fixed",
    async () => {
      const result = await run(["--fixed"]);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(result.exitCode, result.stderr).toBe(0);
      expect(report.observations.map((o) => [o.client, o.code])).toEqual([
        ["chromium", "OK"],
        ["firefox", "OK"],
        ["ws", "OK"],
        ["node-websocket", "OK"],
        ["curl", "OK"],
      ]);
    },
    firefoxRunMs + 10_000,
  );

  describe.runIf(testsFirefox())("--client firefox", () => {
    it(
      "reports Firefox's own console line with its version, its settings and what tells it apart",
      async () => {
        const result = await run(["--client", "firefox"]);
        expect(result.exitCode, result.stderr).toBe(0);
        expect((JSON.parse(result.stdout) as JsonReport).observations).toEqual([
          {
            client: "firefox",
            clientVersion: expect.stringMatching(/^Firefox \d+\.\d+(\.\d+)?esr$/),
            code: "NS_ERROR_WEBSOCKET_CONNECTION_REFUSED",
            message: expect.stringMatching(
              /^Firefox can’t establish a connection to the server at ws:\/\/127\.0\.0\.1:\d+\/\.$/,
            ),
            exitCode: null,
            elapsedMs: expect.any(Number),
            // Every setting that differs from a user's Firefox, recorded beside the line.
            settings: [
              expect.objectContaining({ setting: "--headless", where: "command line" }),
              expect.objectContaining({
                setting: expect.stringMatching(/^user\.js: /),
                where: "browser profile",
              }),
              expect.objectContaining({ setting: "MOZ_REMOTE_SETTINGS_DEVTOOLS=1", where: "environment" }),
              expect.objectContaining({
                setting: "own network namespace: loopback only",
                where: "client namespace",
              }),
            ],
            // The same console line as for any failed handshake: the Network panel's 200 tells it apart.
            clues: {
              closeCode: 1006,
              httpStatus: 200,
              networkError: "NS_ERROR_WEBSOCKET_CONNECTION_REFUSED",
            },
          },
        ]);
      },
      firefoxRunMs + 10_000,
    );

    it(
      "shows Firefox connecting with --fixed",
      async () => {
        const result = await run(["--client", "firefox", "--fixed"]);
        expect(result.exitCode, result.stderr).toBe(0);
        const report = JSON.parse(result.stdout) as JsonReport;
        expect(report.observations.map((o) => [o.client, o.code, o.message])).toEqual([
          ["firefox", "OK", "echo: connlab"],
        ]);
      },
      firefoxRunMs + 10_000,
    );
  });
});
