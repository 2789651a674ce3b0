import { scenarios } from "@connlab/scenarios";
import { setups } from "@connlab/servers";
import { describe, expect, it } from "vitest";

// Scenarios name their setups; a typo would only show when someone runs `reproduce`.
describe("setups registry", () => {
  const protocol = scenarios.filter((scenario) => scenario.category === "protocol");

  it.each(protocol.map((s) => [s.id, s] as const))("has the fault and the fix of %s", (_id, scenario) => {
    expect(setups.get(scenario.fault.name)?.name).toBe(scenario.fault.name);
    expect(setups.get(scenario.fix.apply.name)?.name).toBe(scenario.fix.apply.name);
  });

  it("rejects params a setup does not know, before listening", async () => {
    await expect(setups.get("raw-tcp-on-ws-port")?.start({ silnet: true })).rejects.toThrow(
      /Unrecognized key: "silnet"/,
    );
    await expect(setups.get("tls-scheme-mismatch")?.start({ client: "both" })).rejects.toThrow(
      /Invalid option: expected one of "tls"\|"plain"/,
    );
  });
});
