/**
 * What a client container does before the catalogue's clients run, on its own kernel (its
 * network namespace has the scenario's sysctls). Returns how to undo it. Held and short
 * connections are the root lab's own loop (servers/src/bin/connections.ts), run here.
 */
import { lookup } from "node:dns/promises";
import type { Scenario } from "@connlab/scenarios";
import { connectionsHere, type Target } from "@connlab/servers";
import { execa } from "execa";
import type { ClientContainer } from "./stack.ts";

async function hostAndPort(target: Target): Promise<{ host: string; port: number }> {
  const url = new URL(target.url);
  // Resolve once: the client containers' tiny port range is for TCP to the server only.
  const { address } = await lookup(url.hostname, { family: 4 });
  return { host: address, port: Number(url.port) };
}

export async function prepare(
  kind: ClientContainer["prepare"],
  target: Target,
  scenario: Scenario,
): Promise<() => Promise<void>> {
  const size = Number(scenario.fault.params.size ?? 0);
  // hold: as many as the scenario's own setup holds (`hold`), else twice its port range.
  const held = Number(scenario.fault.params.hold ?? size * 2);
  if (kind === "hold" || kind === "time-wait") {
    const { host, port } = await hostAndPort(target);
    // hold: as the root lab's setups, connections held open until connect() fails (at `size`
    // with the scenario's range, or once a stalled server's backlog is full). time-wait: `size`
    // short ones, the client closing first, each leaving its port in TIME_WAIT for 60 s.
    const loader =
      kind === "hold"
        ? await connectionsHere(host, port, "hold", held)
        : await connectionsHere(host, port, "churn", size);
    if (kind === "hold") return loader.stop;
    await loader.stop();
    return async () => {};
  }
  if (kind === "route-via-wan") {
    const { address } = await lookup("wan", { family: 4 });
    // Replace (not add): the client may run this again; `wan` forwards nothing.
    await execa("ip", ["route", "replace", "default", "via", address], { timeout: 5_000 });
    return async () => {};
  }
  return async () => {};
}
