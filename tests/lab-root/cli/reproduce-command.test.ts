import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { connlab } from "../../helpers/cli.ts";
import { firefoxRunMs, testsFirefox } from "../../helpers/firefox.ts";

const run = promisify(execFile);

async function namespacesOf(pid: number | undefined): Promise<string[]> {
  const { stdout } = await run("ip", ["netns", "list"]);
  return stdout.split("\n").filter((line) => line.startsWith(`connlab-${pid}-`));
}

// The command runs every client the scenario declares, Firefox among them: where Firefox cannot
// start (outside CI), these are skipped with one line.
describe.runIf(testsFirefox()).concurrent("connlab reproduce, root lab", () => {
  it(
    "reproduces timeout-security-group as JSON, exit 0, and leaves nothing",
    async () => {
      const child = connlab(["reproduce", "timeout-security-group", "--json"], { timeoutMs: firefoxRunMs });
      const result = await child;
      expect(result.exitCode).toBe(0);
      const report = JSON.parse(String(result.stdout));
      expect(report).toMatchObject({ scenario: "timeout-security-group", ok: true, fixed: false });
      expect(report.observations.map((o: { client: string; code: string }) => [o.client, o.code])).toEqual([
        ["node-net", "ETIMEDOUT"],
        ["node-http", "ETIMEDOUT"],
        // undici's own connect timer (10 s) fires before the kernel's shortened SYN retries.
        ["fetch", "UND_ERR_CONNECT_TIMEOUT"],
        ["curl", "CURLE_OPERATION_TIMEDOUT"],
        ["chromium", "ERR_CONNECTION_TIMED_OUT"],
        ["firefox", "NS_ERROR_NET_TIMEOUT"],
      ]);
      expect(Object.keys(report.observations[0]).sort()).toEqual(
        ["client", "clientVersion", "code", "elapsedMs", "exitCode", "message", "settings"].sort(),
      );
      // The one non-default the row depends on is part of it, with where it was set.
      expect(JSON.stringify(report.observations[0].settings)).toContain("net.ipv4.tcp_syn_retries=3");
      expect(child.pid).toBeGreaterThan(0);
      expect(await namespacesOf(child.pid)).toEqual([]);
    },
    firefoxRunMs + 10_000,
  );

  it(
    "--fixed shows every client connecting and what the setup held, as a table",
    async () => {
      const child = connlab(["reproduce", "addrnotavail-ephemeral-ports", "--fixed"], {
        timeoutMs: firefoxRunMs,
      });
      const result = await child;
      expect(result.exitCode).toBe(0);
      expect(String(result.stdout)).toMatch(/^setup: rangeSize=55536 held=16 heldError=null$/m);
      expect(String(result.stdout)).toMatch(/fixed: every client connected/);
      expect(child.pid).toBeGreaterThan(0);
      expect(await namespacesOf(child.pid)).toEqual([]);
    },
    firefoxRunMs + 10_000,
  );
});
