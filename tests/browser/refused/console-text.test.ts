import { closeFirefox, reproduce, reproducibleHere } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { testsFirefox } from "../../helpers/firefox.ts";
import { expectAsDeclared } from "../../helpers/report.ts";

// Firefox's rows for the refused scenarios, through the reproduce() the CLI runs, broken then
// fixed: rootless, in a network namespace of its own with the scenario's setup; as root, in the
// lab's client namespace. The other clients' rows, Chromium's among them, are the lab tiers'
// (tests/lab/scenarios/rootless-catalogue.test.ts, tests/lab-root/scenarios/refused.test.ts).
const withFirefox = scenarios.filter(
  (s) => s.category === "refused" && reproducibleHere(s) && s.expect.some((e) => e.client === "firefox"),
);

/** Firefox's start-up in its namespace: tens of seconds with both cores busy (own-network.ts). */
const firefoxRunMs = 180_000;

describe.runIf(testsFirefox())("refused, in Firefox", () => {
  afterAll(() => closeFirefox());

  it("covers the refused scenarios this machine reproduces with a page's WebSocket", () => {
    const rootless = [
      "refused-wrong-port",
      "refused-wrong-host",
      "refused-not-listening",
      "refused-loopback-only",
      "refused-localhost-ipv6",
    ];
    // As root, the root lab's too: Firefox in the lab's client namespace.
    const root = process.getuid?.() === 0 ? ["refused-cdn", "refused-localhost-in-container"] : [];
    expect(withFirefox.map((s) => s.id).sort()).toEqual([...rootless, ...root].sort());
  });

  describe.each(withFirefox.map((s) => [s.id, s] as const))("%s", (_id, scenario) => {
    it(
      "prints the declared console line, in the declared time",
      async () => {
        expectAsDeclared(await reproduce(scenario, { clients: ["firefox"] }), ["firefox"]);
      },
      firefoxRunMs,
    );

    it(
      "connects and gets the echo once fixed",
      async () => {
        expectAsDeclared(await reproduce(scenario, { clients: ["firefox"], fixed: true }), ["firefox"]);
      },
      firefoxRunMs,
    );
  });
});
