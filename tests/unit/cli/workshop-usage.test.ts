import { describe, expect, it } from "vitest";
import { connlab } from "../../helpers/cli.ts";

const valid = "wrong-port, loopback-only, firewall-drop, time-wait, ws-to-http, tls-mismatch";

// Each case starts the whole CLI in a child process; on a loaded machine that alone can outgrow
// the unit tier's 5 s.
describe("connlab workshop usage errors", { timeout: 20_000 }, () => {
  for (const command of ["start", "check", "restart", "try", "stop"]) {
    it(`${command} names an unknown exercise and the valid ones on one line, exit 2`, async () => {
      const result = await connlab(["workshop", command, "frobnicate"], {
        env: { CONNLAB_STATE_DIR: "/nonexistent/connlab-state" },
      });
      expect(result.exitCode).toBe(2);
      expect(String(result.stderr)).toBe(`connlab: unknown exercise "frobnicate"; valid exercises: ${valid}`);
    });
  }
});
