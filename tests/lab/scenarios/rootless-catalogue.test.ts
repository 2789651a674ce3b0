import { reproduce, reproducibleHere } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { setups } from "@connlab/servers";
import { describe, expect, it } from "vitest";
import { expectAsDeclared } from "../../helpers/report.ts";

// Every scenario the rootless lab reproduces, derived from the declarations: adding one to the
// catalogue with `lab` setups adds its two tests here.
const rootless = scenarios.filter(
  (s) =>
    reproducibleHere(s) &&
    setups.get(s.fault.name)?.tier === "lab" &&
    setups.get(s.fix.apply.name)?.tier === "lab",
);

describe("rootless lab", () => {
  it("reproduces at least the refused scenarios that need no privileges", () => {
    expect(rootless.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        "refused-wrong-port",
        "refused-wrong-host",
        "refused-dns-wrong-ip",
        "refused-not-listening",
        "refused-proxy",
        "refused-loopback-only",
        "refused-localhost-ipv6",
      ]),
    );
  });

  describe.concurrent.each(rootless.map((s) => [s.id, s] as const))("%s", (_id, scenario) => {
    it("each client observes the declared code and message", async () => {
      expectAsDeclared(await reproduce(scenario), scenario);
    });

    it("each client connects once the fix is applied", async () => {
      expectAsDeclared(await reproduce(scenario, { fixed: true }), scenario);
    });
  });
});
