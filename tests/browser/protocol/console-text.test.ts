import { closeChromium, closeFirefox, reproduce } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { clientsFor, expectAsDeclared } from "../../helpers/report.ts";

// Each browser's console line for every protocol scenario that declares one, through the same
// reproduce() the CLI runs. The declaration's pattern holds the exact text, with only the
// address and port left open; Chromium's DevTools handshake error, or the internal error name
// Firefox's Network panel shows, gives the code. Firefox runs in a network namespace of its own.
const withBrowsers = scenarios.filter(
  (scenario) => scenario.category === "protocol" && clientsFor(scenario, "browser").length > 0,
);

/** Firefox's start-up in its namespace: tens of seconds with both cores busy (own-network.ts). */
const firefoxRunMs = 180_000;

describe("the browsers' WebSocket console text", () => {
  afterAll(() => Promise.all([closeChromium(), closeFirefox()]));

  it("covers the WebSocket scenarios", () => {
    expect(withBrowsers.map((s) => s.id)).toEqual([
      "protocol-ws-to-http",
      "protocol-ws-to-raw-tcp",
      "protocol-tls-mismatch",
      "protocol-proxy-strips-upgrade",
    ]);
  });

  it("has a Firefox row wherever Chromium has one", () => {
    for (const scenario of withBrowsers) {
      expect(
        scenario.expect.map((e) => e.client),
        scenario.id,
      ).toEqual(expect.arrayContaining(["chromium", "firefox"]));
    }
  });

  describe.each(withBrowsers.map((scenario) => [scenario.id, scenario] as const))("%s", (_id, scenario) => {
    const clients = clientsFor(scenario, "browser");

    it(
      `${clients.join(", ")}: the declared console line`,
      async () => {
        expectAsDeclared(await reproduce(scenario, { clients }), clients);
      },
      firefoxRunMs,
    );

    it(
      `${clients.join(", ")}: connected, the echo back, once fixed`,
      async () => {
        expectAsDeclared(await reproduce(scenario, { clients, fixed: true }), clients);
      },
      firefoxRunMs,
    );
  });
});
