import { readFileSync } from "node:fs";
import { reproduce } from "@connlab/probes";
import { getScenario, labSynRetries } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { expectAsDeclared } from "../../helpers/report.ts";
import { leftovers } from "../../helpers/root-lab.ts";

// Every timeout scenario drops the SYN somewhere (server, edge, second table, a provider's bogon
// filter) or sends the client to an address of its own LAN that nobody has. Nobody cuts a
// client off: each waits for its own timer or the kernel's (SYN retries shortened in the client's
// namespace; ARP giving up after ~3 s), and the declaration says which (`waits`), so
// expectAsDeclared times each run against the window of that timer.
const timeouts = [
  "timeout-firewall",
  "timeout-security-group",
  "timeout-panel-firewall",
  "timeout-host-down",
  "timeout-dns-wrong-ip",
  "timeout-internal-ip",
] as const;

// Scenarios concurrently (the windows are the kernel's timers, which a busy CPU does not
// stretch), each broken then fixed: every run starts its servers and a Chromium in its own
// namespaces, and a dozen at once starve a loaded 2-core machine of the time to start them.
describe.concurrent.each(timeouts)("%s", (id) => {
  const scenario = getScenario(id);

  it("every client fails as declared, by its own timer or the kernel's, and connects once fixed", async () => {
    const broken = await reproduce(scenario);
    const fixed = await reproduce(scenario, { fixed: true });
    expectAsDeclared(broken, scenario);
    for (const o of broken.observations) {
      expect(o.settings?.map((s) => s.setting)).toContain(`net.ipv4.tcp_syn_retries=${labSynRetries}`);
    }
    expectAsDeclared(fixed, scenario);
  }, 300_000);
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
