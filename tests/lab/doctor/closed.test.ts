import { runDoctor } from "@connlab/probes/doctor";
import { labIdleMs, labProxyReadTimeoutMs } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import { setupsClosedAfterEach } from "../../helpers/closed-after-each.ts";

// The doctor against the real nginx of closed-proxy-idle-timeout: with --idle past the proxy's
// limit, a WebSocket that opened and then closed without a close frame names the idle limit;
// once the server pings, the silent socket is still open at the end of the watch.
const timeoutMs = 2_000;
const start = setupsClosedAfterEach();

describe("doctor against an idle limit on the path", () => {
  it("names closed-proxy-idle-timeout when the silent WebSocket closes without a close frame", async () => {
    const report = await runDoctor(await start("proxy-idle-timeout"), {
      locale: "en",
      timeoutMs,
      idleMs: labIdleMs,
    });
    expect(report.verdict.category).toBe("closed");
    expect(report.verdict.causes).toEqual([
      {
        id: "closed-proxy-idle-timeout",
        confidence: "high",
        evidence: expect.stringMatching(
          /^the upgrade succeeded, then the connection closed after \d+\.\d s of silence without a close frame \(1006\)/,
        ),
        docs: "/en/closed/proxy-idle-timeout/",
        fix: expect.stringContaining("proxy_read_timeout"),
      },
    ]);
    const idle = report.steps.find((s) => s.check === "idle");
    expect(idle?.ok).toBe(false);
    // Closed by nginx's timer, not before it and not at the end of the watch.
    expect(idle?.elapsedMs).toBeGreaterThanOrEqual(labProxyReadTimeoutMs - 300);
    expect(idle?.elapsedMs).toBeLessThan(labIdleMs);
  });

  it("says ok when the server's pings keep the silent WebSocket open past the limit", async () => {
    const report = await runDoctor(await start("proxy-idle-pinged"), {
      locale: "en",
      timeoutMs,
      idleMs: labIdleMs,
    });
    expect(report.verdict).toMatchObject({ category: "ok", causes: [] });
    expect(report.steps.find((s) => s.check === "idle")?.detail).toMatch(
      new RegExp(`^still open after ${labIdleMs / 1000} s of silence \\(the server pinged \\d+ times\\)$`),
    );
  });

  it("cannot tell without --idle: the handshake alone works", async () => {
    const report = await runDoctor(await start("proxy-idle-timeout"), { locale: "en", timeoutMs });
    expect(report.verdict).toMatchObject({ category: "ok", causes: [] });
    expect(report.steps.map((s) => s.check)).not.toContain("idle");
  });
});

// The doctor against closed-server-out-of-fds's server, on this machine: the port closes the
// connection without a byte, and /proc shows its process with every descriptor in use.
describe("doctor against a server out of file descriptors", () => {
  it("names closed-server-out-of-fds from the listening process's descriptors", async () => {
    const report = await runDoctor(await start("fds-exhausted"), { locale: "en", timeoutMs });
    expect(report.verdict.category).toBe("closed");
    expect(report.verdict.causes.map((c) => [c.id, c.confidence])).toEqual([
      ["closed-server-out-of-fds", "high"],
      ["protocol-ws-to-raw-tcp", "low"],
    ]);
    expect(report.verdict.causes[0]?.evidence).toMatch(
      /^the port closed the connection without a byte \((FIN|ECONNRESET)\), and the listening process \(pid \d+\) has 64 descriptors open, its limit \("Max open files"\) is 64: none left to accept with$/,
    );
    expect(report.steps.find((s) => s.check === "descriptors")?.ok).toBe(false);
  });

  it("says ok once the same server has descriptors to spare: it answers, so nothing is counted", async () => {
    const report = await runDoctor(await start("fds-to-spare"), { locale: "en", timeoutMs });
    expect(report.verdict).toMatchObject({ category: "ok", causes: [] });
    expect(report.steps.map((s) => s.check)).not.toContain("descriptors");
  });
});
