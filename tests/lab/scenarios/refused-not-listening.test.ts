import { reproduce } from "@connlab/probes";
import { getScenario } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";

const scenario = getScenario("refused-not-listening");

describe("refused-not-listening", () => {
  it("every client is refused by a port nothing listens on", async () => {
    const report = await reproduce(scenario);
    expect(report.observations.map((o) => [o.client, o.code, o.why])).toEqual([
      ["node-net", "ECONNREFUSED", ""],
      ["fetch", "ECONNREFUSED", ""],
      ["curl", "CURLE_COULDNT_CONNECT", ""],
    ]);
    expect(report.ok).toBe(true);
  });

  it("every client connects once the server is started", async () => {
    const report = await reproduce(scenario, { fixed: true });
    expect(report.observations.map((o) => [o.client, o.code])).toEqual([
      ["node-net", "OK"],
      ["fetch", "OK"],
      ["curl", "OK"],
    ]);
    expect(report.ok).toBe(true);
  });
});
