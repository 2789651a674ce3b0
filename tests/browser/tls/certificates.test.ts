import { closeChromium, reproduce } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { clientsFor, expectAsDeclared } from "../../helpers/report.ts";

// Chromium against each certificate scenario, as installed (no --ignore-certificate-errors):
// the console line when the certificate does not verify, the echo once it does. Trusting the
// lab's CA is a launch flag, recorded with the row; the untrusted case runs with none.
const tlsScenarios = scenarios.filter((scenario) => scenario.category === "tls");
const spkiFlag = "--ignore-certificate-errors-spki-list=CA_KEY_SHA256";

describe("Chromium meets certificates it cannot verify", () => {
  afterAll(() => closeChromium());

  describe.each(tlsScenarios.map((scenario) => [scenario.id, scenario] as const))("%s", (id, scenario) => {
    const clients = clientsFor(scenario, "browser");

    it("prints the declared console line", async () => {
      const report = await reproduce(scenario, { clients });
      expectAsDeclared(report, clients);
      // The missing intermediate fails although the browser was told the lab's keys.
      const settings = report.observations[0]?.settings?.map((s) => s.setting) ?? [];
      expect(settings).toEqual(id === "tls-incomplete-chain" ? [spkiFlag] : []);
    });

    it("connects and gets the echo once fixed, with the lab's CA trusted", async () => {
      const report = await reproduce(scenario, { clients, fixed: true });
      expectAsDeclared(report, clients);
      expect(report.observations[0]?.settings?.map((s) => s.setting)).toEqual([spkiFlag]);
    });
  });
});
