import { describe, expect, it } from "vitest";
import { connlab } from "../../helpers/cli.ts";

describe("connlab record", () => {
  it("names an unknown scenario on one line, exit 2, before anything runs", async () => {
    const result = await connlab(["record", "policy-nope"]);
    expect(result.exitCode).toBe(2);
    expect(String(result.stdout)).toBe("");
    expect(String(result.stderr)).toMatch(
      /^connlab: unknown scenario "policy-nope"; valid ids: refused-wrong-port, .*policy-mixed-content, tls-untrusted-certificate, tls-incomplete-chain, closed-proxy-idle-timeout, closed-socketio-no-sticky, closed-server-out-of-fds, closed-docker-published-loopback$/,
    );
  });
});
