import { closeChromium, closeFirefox } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { browserRowsOf } from "../../helpers/firefox.ts";
import { clientsFor } from "../../helpers/report.ts";

// Each browser's console line for every protocol scenario that declares one, through the same
// reproduce() the CLI runs. The declaration's pattern holds the exact text, with only the
// address and port left open; Chromium's DevTools handshake error, or the internal error name
// Firefox's Network panel shows, gives the code. Firefox runs in a network namespace of its own.
const withBrowsers = scenarios.filter(
  (scenario) => scenario.category === "protocol" && clientsFor(scenario, "browser").length > 0,
);

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

  browserRowsOf(withBrowsers);
});
