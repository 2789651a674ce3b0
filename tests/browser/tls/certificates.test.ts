import { closeChromium, closeFirefox, type Report, reproduce } from "@connlab/probes";
import { type ClientName, scenarios } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { firefoxRunMs } from "../../helpers/firefox.ts";
import { clientsFor, expectAsDeclared } from "../../helpers/report.ts";

// Both browsers against each certificate scenario, as installed (no --ignore-certificate-errors,
// no exception): the console line when the certificate does not verify, the echo once it does.
// Trusting the lab's CA is a setting, recorded with the row (Chromium: a launch flag naming the
// CA's key; Firefox: the CA in its profile's store); the untrusted case runs with none. Firefox
// runs in a network namespace of its own, with the scenario's setup there.
const tlsScenarios = scenarios.filter((scenario) => scenario.category === "tls");
const trustSetting: Partial<Record<ClientName, string>> = {
  chromium: "--ignore-certificate-errors-spki-list=CA_KEY_SHA256",
  firefox: "certutil -d sql:PROFILE -A -t C,, -i ca.pem",
};

/** Each browser's trust setting in a report, if it ran with one (its other settings aside). */
function trustIn(report: Report): [ClientName, string | undefined][] {
  return report.observations.map((o) => [
    o.client,
    o.settings?.map((s) => s.setting).find((setting) => setting === trustSetting[o.client]),
  ]);
}

describe("the browsers meet certificates they cannot verify", () => {
  afterAll(() => Promise.all([closeChromium(), closeFirefox()]));

  describe.each(tlsScenarios.map((scenario) => [scenario.id, scenario] as const))("%s", (id, scenario) => {
    const clients = clientsFor(scenario, "browser");
    const trusted = clients.map((client): [ClientName, string | undefined] => [client, trustSetting[client]]);

    it(
      `${clients.join(", ")}: the declared console line`,
      async () => {
        const report = await reproduce(scenario, { clients });
        expectAsDeclared(report, clients);
        // The missing intermediate fails although the browser was told the lab's CA.
        const untrusted = clients.map((client): [ClientName, undefined] => [client, undefined]);
        expect(trustIn(report)).toEqual(id === "tls-incomplete-chain" ? trusted : untrusted);
      },
      firefoxRunMs,
    );

    it(
      `${clients.join(", ")}: connected, the echo back, once fixed with the lab's CA trusted`,
      async () => {
        const report = await reproduce(scenario, { clients, fixed: true });
        expectAsDeclared(report, clients);
        expect(trustIn(report)).toEqual(trusted);
      },
      firefoxRunMs,
    );
  });
});
