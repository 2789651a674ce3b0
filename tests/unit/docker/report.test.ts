import { formatReport, formatScenario, type ScenarioResult, summarize } from "@connlab/docker";
import { describe, expect, it } from "vitest";

const observation = {
  client: "node-net" as const,
  clientVersion: "Node.js 24",
  exitCode: null,
  elapsedMs: 3,
};

function result(status: ScenarioResult["status"], ok: boolean): ScenarioResult {
  return {
    scenario: "refused-wrong-port",
    category: "refused",
    status,
    url: "http://http:8081/",
    observations: [
      {
        ...observation,
        code: ok ? "ECONNREFUSED" : "OK",
        message: ok ? "connect ECONNREFUSED 10.0.0.2:8081" : "connected to http:8081",
        expected: "ECONNREFUSED /^connect ECONNREFUSED \\S+$/",
        ok,
        why: ok ? "" : "expected code ECONNREFUSED, got OK: connected to http:8081",
      },
    ],
    skipped: [],
  };
}

describe("the probe's report", () => {
  it("is ok only when every scenario was reproduced", () => {
    expect(summarize([result("reproduced", true)]).ok).toBe(true);
    expect(summarize([result("reproduced", true), result("failed", false)]).ok).toBe(false);
    expect(summarize([{ ...result("unverified", true), observations: [] }]).counts).toEqual({
      reproduced: 0,
      failed: 0,
      unverified: 1,
    });
  });

  it("shows what each client saw and, when it differs, what the guide documents", () => {
    const text = formatReport(summarize([result("failed", false)]));
    expect(text).toContain("✗ refused-wrong-port  failed  → http://http:8081/");
    expect(text).toContain("✗ node-net  OK: connected to http:8081  (3 ms, Node.js 24)");
    expect(text).toContain("expected ECONNREFUSED /^connect ECONNREFUSED \\S+$/");
    expect(text).toMatch(/\n0 reproduced, 1 failed, 0 unverified\n$/);
  });

  it("links each scenario's page in the reader's language", () => {
    expect(formatScenario(result("reproduced", true), { locale: "en" }).split("\n").slice(0, 2)).toEqual([
      "✓ refused-wrong-port  reproduced  → http://http:8081/",
      "    /en/refused/wrong-port/",
    ]);
    expect(
      formatScenario(result("reproduced", true), { locale: "es", base: "http://127.0.0.1:4000/" }),
    ).toContain("\n    http://127.0.0.1:4000/refused/wrong-port/\n");
  });
});
