import { closeChromium, reproduce } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { clientsFor, expectAsDeclared } from "../../helpers/report.ts";

// Chromium's console line for every protocol scenario that declares one, through the same
// reproduce() the CLI runs. The declaration's pattern holds the exact text, with only the
// address and port left open; the DevTools protocol's handshake error gives the code.
const withChromium = scenarios.filter(
  (scenario) => scenario.category === "protocol" && clientsFor(scenario, "browser").length > 0,
);

describe("Chromium's WebSocket console text", () => {
  afterAll(() => closeChromium());

  it("covers the WebSocket scenarios", () => {
    expect(withChromium.map((s) => s.id)).toEqual([
      "protocol-ws-to-http",
      "protocol-ws-to-raw-tcp",
      "protocol-tls-mismatch",
      "protocol-proxy-strips-upgrade",
    ]);
  });

  describe.each(withChromium.map((scenario) => [scenario.id, scenario] as const))("%s", (_id, scenario) => {
    const clients = clientsFor(scenario, "browser");

    it("prints the declared console line", async () => {
      expectAsDeclared(await reproduce(scenario, { clients }), clients);
    });

    it("connects and gets the echo once fixed", async () => {
      expectAsDeclared(await reproduce(scenario, { clients, fixed: true }), clients);
    });
  });
});
