import { closeFirefox, reproduce, reproducibleHere } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import pLimit from "p-limit";
import { afterAll, describe, expect, it } from "vitest";
import { firefoxRunMs, testsFirefox } from "../../helpers/firefox.ts";
import { expectAsDeclared } from "../../helpers/report.ts";

// Firefox's rows where the lab tiers assert the other clients' (Chromium's among them:
// tests/lab/scenarios/rootless-catalogue.test.ts, tests/lab-root/scenarios/), through the
// reproduce() the CLI runs, broken then fixed: rootless, in a network namespace of its own with
// the scenario's setup; as root, in the lab's client namespace. Each run is timed against the
// timer its declaration names, as the lab tiers time theirs. The protocol, policy, tls and closed
// scenarios assert both browsers in their own files.
const withFirefox = scenarios.filter(
  (s) =>
    !["protocol", "policy", "tls", "closed"].includes(s.category) &&
    reproducibleHere(s) &&
    s.expect.some((e) => e.client === "firefox"),
);

describe.runIf(testsFirefox())("Firefox's rows beside the lab tiers' clients", () => {
  afterAll(() => closeFirefox());

  it("covers every such scenario this machine reproduces", () => {
    const rootless = [
      "refused-wrong-port",
      "refused-wrong-host",
      "refused-not-listening",
      "refused-loopback-only",
      "refused-localhost-ipv6",
      "refused-dns-wrong-ip",
      "refused-proxy",
    ];
    // As root, the root lab's too: Firefox in the lab's client namespace.
    const root =
      process.getuid?.() === 0
        ? [
            "refused-cdn",
            "refused-localhost-in-container",
            "timeout-firewall",
            "timeout-security-group",
            "timeout-panel-firewall",
            "timeout-host-down",
            "timeout-host-down-routed",
            "timeout-dns-wrong-ip",
            "timeout-internal-ip",
            "timeout-server-backlog-full",
            "timeout-path-mtu-black-hole",
            "addrnotavail-ephemeral-ports",
            "addrnotavail-time-wait",
          ]
        : [];
    expect(withFirefox.map((s) => s.id).sort()).toEqual([...rootless, ...root].sort());
  });

  // Scenarios concurrently, as the lab tiers run theirs: each run has its own setup (its own
  // namespaces as root), and most of a run is a kernel timer or Firefox's start-up in another
  // namespace. At most three at a time: each root run starts a Firefox of its own, and on two
  // cores more would only queue for the CPU.
  const slot = pLimit(3);
  describe.concurrent.each(withFirefox.map((s) => [s.id, s] as const))("%s", (_id, scenario) => {
    it(
      "prints the declared console line, in the declared time",
      async () => {
        expectAsDeclared(await slot(() => reproduce(scenario, { clients: ["firefox"] })), ["firefox"]);
      },
      firefoxRunMs,
    );

    it(
      "connects and gets the echo once fixed",
      async () => {
        const report = await slot(() => reproduce(scenario, { clients: ["firefox"], fixed: true }));
        expectAsDeclared(report, ["firefox"]);
      },
      firefoxRunMs,
    );
  });
});
