import { readFileSync } from "node:fs";
import { reproduce } from "@connlab/probes";
import { getScenario, labSynRetries } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { expectAsDeclared } from "../../helpers/report.ts";
import { expectAllConnected, leftovers } from "../../helpers/root-lab.ts";

// Every timeout scenario drops the SYN somewhere (server, edge, second table, a provider's bogon
// filter) or finds nobody at the address. Nobody cuts a client off: each waits for its own timer
// or the kernel's (SYN retries shortened in the client's namespace; ARP's ~3 s for a host that
// is not on the LAN), and the declaration says which, so each run is timed against it.
const timeouts = [
  "timeout-firewall",
  "timeout-security-group",
  "timeout-panel-firewall",
  "timeout-host-down",
  "timeout-dns-wrong-ip",
  "timeout-internal-ip",
] as const;

// One scenario at a time, broken and fixed at once: each run starts a Chromium inside its client
// namespace, and a dozen at once would starve a loaded 2-core machine for minutes.
describe.each(timeouts)("%s", (id) => {
  const scenario = getScenario(id);

  it("every client fails as declared, by its own timer or the kernel's, and connects once fixed", async () => {
    const [broken, fixed] = await Promise.all([reproduce(scenario), reproduce(scenario, { fixed: true })]);
    expectAsDeclared(broken, scenario);
    for (const o of broken.observations) {
      expect(o.settings?.map((s) => s.setting)).toContain(`net.ipv4.tcp_syn_retries=${labSynRetries}`);
    }
    expectAllConnected(fixed);
  }, 300_000);
});

describe("the lab's kernel timers", () => {
  it("are set in the client's own namespace, never the host's", async () => {
    const hostValue = () => readFileSync("/proc/sys/net/ipv4/tcp_syn_retries", "utf8").trim();
    const before = hostValue();
    const report = await reproduce(getScenario("timeout-firewall"), { clients: ["node-net"] });
    expect(report.observations.map((o) => o.code)).toEqual(["ETIMEDOUT"]);
    expect(hostValue()).toBe(before);
  }, 120_000);
});

afterAll(async () => {
  expect(await leftovers()).toEqual([]);
});
