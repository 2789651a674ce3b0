import { runDoctor } from "@connlab/probes/doctor";
import { describe, expect, it } from "vitest";
import { setupsClosedAfterEach } from "../../helpers/closed-after-each.ts";

// The doctor against the policy scenarios' real setups: a 403 to the upgrade names the Origin
// check, a 101 without the subprotocol asked for names the subprotocol; once fixed, all is well.
const timeoutMs = 2_000;
const start = setupsClosedAfterEach();

describe("doctor against policy setups", () => {
  it("ranks policy-origin-rejected first on a 403 to the upgrade", async () => {
    const report = await runDoctor(await start("origin-not-allowed"), { locale: "en", timeoutMs });
    expect(report.verdict.category).toBe("policy");
    expect(report.verdict.causes.map((c) => [c.id, c.confidence])).toEqual([
      ["policy-origin-rejected", "high"],
      ["protocol-ws-to-http", "low"],
    ]);
    expect(report.verdict.causes[0]?.evidence).toMatch(/HTTP\/1\.1 403 Forbidden/);
  });

  it("says ok once the allow-list lets non-browser clients through", async () => {
    const report = await runDoctor(await start("origin-allowed"), { locale: "en", timeoutMs });
    expect(report.verdict).toMatchObject({ category: "ok", causes: [] });
  });

  it("ranks policy-subprotocol-mismatch first when the 101 names none of the asked subprotocols", async () => {
    const report = await runDoctor(await start("subprotocol-unanswered"), {
      locale: "en",
      timeoutMs,
      protocols: ["chat"],
    });
    expect(report.verdict.category).toBe("policy");
    expect(report.verdict.causes).toEqual([
      {
        id: "policy-subprotocol-mismatch",
        confidence: "high",
        evidence: "the WebSocket handshake asked for Sec-WebSocket-Protocol: chat; the 101 names none",
        docs: "/en/policy/subprotocol-mismatch/",
        fix: expect.stringContaining("handleProtocols"),
      },
    ]);
  });

  it("says ok when the server selects the asked subprotocol, and cannot tell without --protocol", async () => {
    const fixed = await runDoctor(await start("subprotocol-selected"), {
      locale: "en",
      timeoutMs,
      protocols: ["chat"],
    });
    expect(fixed.verdict).toMatchObject({ category: "ok", causes: [] });
    const unasked = await runDoctor(await start("subprotocol-unanswered"), { locale: "en", timeoutMs });
    expect(unasked.verdict).toMatchObject({ category: "ok", causes: [] });
  });
});
