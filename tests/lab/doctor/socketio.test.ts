import { runDoctor } from "@connlab/probes/doctor";
import { describe, expect, it } from "vitest";
import { setupsClosedAfterEach } from "../../helpers/closed-after-each.ts";

// The doctor against the real nginx and the two Socket.IO servers of closed-socketio-no-sticky:
// with --socketio it opens a session and polls it; round-robin sends the poll to the other
// server (400 Session ID unknown) and the doctor names the missing stickiness; with ip_hash the
// poll is held by the server that knows the session until the check's bound, and all is well.
const timeoutMs = 2_000;
const start = setupsClosedAfterEach();

describe("doctor against a Socket.IO session behind a load balancer", () => {
  it("names closed-socketio-no-sticky when the poll after the handshake gets 400 Session ID unknown", async () => {
    const report = await runDoctor(await start("socketio-no-sticky"), {
      locale: "en",
      timeoutMs,
      socketIo: true,
    });
    expect(report.verdict.category).toBe("closed");
    expect(report.verdict.causes).toEqual([
      {
        id: "closed-socketio-no-sticky",
        confidence: "high",
        evidence: expect.stringMatching(
          /^handshake 200 \(sid [\w-]+\), then the poll with that sid: 400 \{"code":1,"message":"Session ID unknown"\}: the poll reached a server that does not hold the session/,
        ),
        docs: "/en/closed/socketio-no-sticky/",
        fix: expect.stringContaining("ip_hash;"),
      },
    ]);
    expect(report.steps.find((s) => s.check === "socket.io")?.ok).toBe(false);
  });

  it("says ok with ip_hash: every poll is held by the server that opened its session", async () => {
    const report = await runDoctor(await start("socketio-sticky"), {
      locale: "en",
      timeoutMs,
      socketIo: true,
    });
    expect(report.verdict).toMatchObject({ category: "ok", causes: [] });
    expect(report.steps.find((s) => s.check === "socket.io")).toMatchObject({
      ok: true,
      detail: "3 sessions, each poll answered or held by the server that opened it",
    });
  });

  it("cannot tell without --socketio: the app's page alone answers 200", async () => {
    const report = await runDoctor(await start("socketio-no-sticky"), { locale: "en", timeoutMs });
    expect(report.verdict).toMatchObject({ category: "ok", causes: [] });
    expect(report.steps.map((s) => s.check)).not.toContain("socket.io");
  });
});
