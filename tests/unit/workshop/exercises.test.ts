import { isScenarioId } from "@connlab/scenarios";
import { exercises } from "@connlab/workshop";
import { describe, expect, it } from "vitest";

describe("workshop exercises", () => {
  it("each teaches a scenario of the catalogue", () => {
    for (const e of exercises) expect(isScenarioId(e.scenario), e.name).toBe(true);
  });

  it("covers the six causes the workshop promises", () => {
    expect(exercises.map((e) => e.scenario).sort()).toEqual([
      "addrnotavail-time-wait",
      "protocol-tls-mismatch",
      "protocol-ws-to-http",
      "refused-loopback-only",
      "refused-wrong-port",
      "timeout-firewall",
    ]);
  });

  it("never share a fixed port", () => {
    const offsets = exercises.flatMap((e) => e.ports.map((p) => p.offset));
    expect(new Set(offsets).size).toBe(offsets.length);
  });
});
