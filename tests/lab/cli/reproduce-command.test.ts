import { describe, expect, it } from "vitest";
import { connlab } from "../../helpers/cli.ts";

const observationKeys = ["client", "clientVersion", "code", "message", "exitCode", "elapsedMs"];
/** What a row carries only when it has them: its non-default settings, a browser's clues. */
const optionalKeys = ["settings", "clues"];

describe("connlab reproduce", () => {
  it("prints the issue's JSON shape and exits 0 when every client saw the documented failure", async () => {
    const result = await connlab(["reproduce", "refused-wrong-port", "--json"]);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(String(result.stdout));
    expect(Object.keys(report)).toEqual(["scenario", "ok", "fixed", "observations"]);
    expect(report).toMatchObject({ scenario: "refused-wrong-port", ok: true, fixed: false });
    for (const o of report.observations) {
      expect(Object.keys(o).filter((key) => !optionalKeys.includes(key))).toEqual(observationKeys);
    }
    expect(report.observations.map((o: { code: string }) => o.code)).toEqual([
      "ECONNREFUSED",
      "ECONNREFUSED",
      "ECONNREFUSED",
      "ECONNREFUSED",
      "CURLE_COULDNT_CONNECT",
      "ERR_CONNECTION_REFUSED",
      "NS_ERROR_CONNECTION_REFUSED",
    ]);
  });

  it("applies the fix with --fixed and runs only the named --client", async () => {
    const result = await connlab(["reproduce", "refused-proxy", "--fixed", "--client", "curl", "--json"]);
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(String(result.stdout));
    expect(report).toMatchObject({ scenario: "refused-proxy", ok: true, fixed: true });
    expect(report.observations).toEqual([
      expect.objectContaining({ client: "curl", code: "OK", exitCode: 0 }),
    ]);
  });

  it("shows a table with each client's verdict, code and message", async () => {
    const result = await connlab(["reproduce", "refused-wrong-port"]);
    expect(result.exitCode).toBe(0);
    const out = String(result.stdout);
    expect(out).toMatch(/✓\s+node-net\s+ECONNREFUSED\s+connect ECONNREFUSED 127\.0\.0\.1:\d+/);
    expect(out).toMatch(/✓\s+curl\s+CURLE_COULDNT_CONNECT\s+curl: \(7\) Failed to connect/);
    expect(out).toMatch(/reproduced: every client saw what the guide documents$/);
  });
});
