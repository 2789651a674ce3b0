import { readFileSync } from "node:fs";
import { CONNECTED, probeClients, reproduce, watchdogMs } from "@connlab/probes";
import { type DeclaredId, getScenario, labSynRetries, scenariosIn } from "@connlab/scenarios";
import { setups } from "@connlab/servers";
import { afterAll, describe, expect, it } from "vitest";
import { withoutFirefox } from "../../helpers/firefox.ts";
import { expectAsDeclared } from "../../helpers/report.ts";
import { leftovers } from "../../helpers/root-lab.ts";

// Every timeout scenario drops the SYN somewhere (server, edge, second table, a provider's bogon
// filter) or sends the client to an address of its own LAN that nobody has. Nobody cuts a
// client off: each waits for its own timer or the kernel's (SYN retries shortened in the client's
// namespace; ARP giving up after ~3 s), and the declaration says which (`waits`), so
// expectAsDeclared times each run against the window of that timer.
const timeouts = scenariosIn("timeout")
  .filter((s) => setups.get(s.fault.name)?.tier === "lab-root")
  .map((s) => s.id);

/** What a setup measured before the clients ran, where that is the lesson itself. */
const measured: Partial<Record<DeclaredId, { broken: object; fixed: object }>> = {
  // Node's backlog of 511 admits 512 connections into the stalled server's queue; the next SYN
  // is dropped (the holder gives up on its own 2 s bound). Accepting, the server takes all 600.
  "timeout-server-backlog-full": {
    broken: { held: 512, heldError: "ETIMEDOUT" },
    fixed: { held: 600, heldError: null },
  },
};

// Scenarios concurrently (the windows are the kernel's timers, which a busy CPU does not
// stretch), each broken then fixed: every run starts its servers and a Chromium in its own
// namespaces, and a dozen at once starve a loaded 2-core machine of the time to start them.
describe("the root lab's timeout scenarios", () => {
  it("come from the catalogue", () => {
    expect(timeouts).toContain("timeout-host-down-routed");
    expect(timeouts).toEqual(expect.arrayContaining(Object.keys(measured)));
  });
});

describe.concurrent.each(timeouts)("%s", (id) => {
  const scenario = getScenario(id);

  it("every client fails as declared, by its own timer or the kernel's, and connects once fixed", async () => {
    // Firefox's rows are the browser tier's (tests/browser/firefox/rows.test.ts).
    const clients = withoutFirefox(scenario);
    const broken = await reproduce(scenario, { clients });
    const fixed = await reproduce(scenario, { clients, fixed: true });
    expectAsDeclared(broken, clients);
    for (const o of broken.observations) {
      expect(o.settings?.map((s) => s.setting)).toContain(`net.ipv4.tcp_syn_retries=${labSynRetries}`);
    }
    expectAsDeclared(fixed, clients);
    const facts = measured[id as DeclaredId];
    if (facts) expect([broken.facts, fixed.facts]).toEqual([facts.broken, facts.fixed]);
  }, 300_000);
});

describe("timeout-host-down-routed with a router that answers", () => {
  it("every client gets the last router's ICMP host-unreachable after its ARP gives up: the LAN's rows", async () => {
    // The same cause and network as the declared (silent) router; a plain Linux router sends
    // ICMP host-unreachable, fatal in SYN_SENT, so every client prints timeout-host-down's row.
    const scenario = getScenario("timeout-host-down-routed");
    const onTheLan = getScenario("timeout-host-down").expect;
    const clients = withoutFirefox(scenario);
    const report = await reproduce(scenario, { clients, params: { router: "answers" }, expect: onTheLan });
    expectAsDeclared(report, clients, onTheLan);
    expect(report.observations.map((o) => o.message).filter((m) => m.includes("198.18.2.3"))).not.toEqual([]);
  }, 300_000);
});

describe("timeout-path-mtu-black-hole's path", () => {
  it("lets curl through: its ClientHello (OpenSSL 3.0, no post-quantum key share) fits the narrow link", async () => {
    const running = await setups.get(getScenario("timeout-path-mtu-black-hole").fault.name)?.start({});
    if (!running) throw new Error("no setup for timeout-path-mtu-black-hole");
    try {
      const [curl] = await probeClients(["curl"], running.target, watchdogMs);
      expect([curl?.code, curl?.message]).toEqual([CONNECTED, "HTTP/1.1 200 OK"]);
    } finally {
      await running.close();
    }
  }, 120_000);
});

describe("the lab's kernel timers", () => {
  it("are set in the client's own namespace, never the host's", async () => {
    const hostValue = () => readFileSync("/proc/sys/net/ipv4/tcp_syn_retries", "utf8").trim();
    const before = hostValue();
    const report = await reproduce(getScenario("timeout-firewall"), { clients: ["node-net"] });
    expect(report.observations.map((o) => [o.code, o.message.replace(/:\d+$/, ":PORT")])).toEqual([
      ["ETIMEDOUT", "connect ETIMEDOUT 198.18.0.2:PORT"],
    ]);
    expect(hostValue()).toBe(before);
  }, 120_000);
});

afterAll(async () => {
  expect(await leftovers()).toEqual([]);
});
