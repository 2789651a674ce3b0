import { formatReport, type ScenarioResult, summarize, toYaml } from "@connlab/docker";
import { describe, expect, it } from "vitest";

describe("toYaml", () => {
  it("writes block mappings, flow lists of scalars, sequences of mappings and JSON-quoted strings", () => {
    const text = toYaml({
      version: "3.9",
      list: ["a", 1, true],
      empty: {},
      "odd key": { items: [{ name: "x", n: 2 }] },
      skipped: undefined,
    });
    expect(text).toBe(
      'version: "3.9"\nlist: ["a", 1, true]\nempty: {}\n"odd key":\n  items:\n    - name: "x"\n      n: 2\n',
    );
  });
});

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
});
