import { reproduce } from "@connlab/probes";
import { attemptBoundPastArpMs, getScenario } from "@connlab/scenarios";
import { afterAll, describe, expect, it } from "vitest";
import { expectAsDeclared } from "../../helpers/report.ts";
import { expectTimedOut, leftovers, verdicts } from "../../helpers/root-lab.ts";

// These drop the SYN somewhere (server, edge, second table, a provider's bogon filter): each
// client waits for its own 2 s bound and reports it.
const timeouts = [
  "timeout-firewall",
  "timeout-security-group",
  "timeout-panel-firewall",
  "timeout-internal-ip",
] as const;
// These send the client to an address of its own LAN that nobody has: ARP goes unanswered and
// the kernel fails the connect with EHOSTUNREACH after about 3 s, inside every client's bound.
const unanswered = ["timeout-host-down", "timeout-dns-wrong-ip"] as const;

const timedOut = [
  ["node-net", "ETIMEDOUT", ""],
  ["node-http", "ETIMEDOUT", ""],
  ["fetch", "ETIMEDOUT", ""],
  ["curl", "CURLE_OPERATION_TIMEDOUT", ""],
];

describe.concurrent.each(timeouts)("%s", (id) => {
  const scenario = getScenario(id);

  it("every client times out at its own bound", async () => {
    const report = await reproduce(scenario);
    expect(verdicts(report)).toEqual(timedOut);
    expectTimedOut(report);
    expect(report.ok).toBe(true);
  });

  it("every client connects once fixed", async () => {
    expectAsDeclared(await reproduce(scenario, { fixed: true }), scenario);
  });
});

describe.concurrent.each(unanswered)("%s", (id) => {
  const scenario = getScenario(id);

  it("every client sees the kernel's EHOSTUNREACH once ARP gives up", async () => {
    const report = await reproduce(scenario);
    expectAsDeclared(report, scenario);
    for (const o of report.observations) {
      // Linux's defaults: 3 unanswered ARP probes, 1 s apart. Never the lab's bound.
      expect(o.elapsedMs, o.client).toBeLessThan(attemptBoundPastArpMs);
    }
  });

  it("every client connects once fixed", async () => {
    expectAsDeclared(await reproduce(scenario, { fixed: true }), scenario);
  });
});

afterAll(async () => {
  expect(await leftovers()).toEqual([]);
});

// Honest detail for timeout-host-down: Linux gives up on ARP after 3 unanswered probes (about
// 3 s) and then fails the connect with EHOSTUNREACH. Only a client that waits longer sees it.
describe("timeout-host-down with a 4 s bound", () => {
  it("node-net sees EHOSTUNREACH from the failed ARP after about 3 s", async () => {
    const report = await reproduce(getScenario("timeout-host-down"), {
      clients: ["node-net"],
      timeoutMs: 4_000,
    });
    const [observation] = report.observations;
    expect(observation?.code).toBe("EHOSTUNREACH");
    expect(observation?.message).toMatch(/^connect EHOSTUNREACH 198\.18\.0\.3:\d+$/);
    expect(observation?.elapsedMs).toBeGreaterThan(2_500);
    expect(observation?.elapsedMs).toBeLessThan(4_000);
  });
});
