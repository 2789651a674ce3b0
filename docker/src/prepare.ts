/**
 * What a client container does before the catalogue's clients run, on its own kernel (its
 * network namespace has the scenario's sysctls). Returns how to undo it. Held and short
 * connections are the root lab's own loop (servers/src/bin/connections.ts), run here.
 */
import { lookup } from "node:dns/promises";
import type { Scenario } from "@connlab/scenarios";
import { connectionsHere, type Load, type Target } from "@connlab/servers";
import { execa } from "execa";
import type { ClientContainer } from "./stack.ts";

async function hostAndPort(target: Target): Promise<{ host: string; port: number }> {
  const url = new URL(target.url);
  // Resolve once: the client containers' tiny port range is for TCP to the server only.
  const { address } = await lookup(url.hostname, { family: 4 });
  return { host: address, port: Number(url.port) };
}

/**
 * Short connections, the client closing first, twice as many as the range has ports, as the root
 * lab's setup does: they end at EADDRNOTAVAIL once every port is in TIME_WAIT, or run their
 * count where tcp_tw_reuse hands those ports out again (the fixed container). A loop that ended
 * otherwise (its own 2 s connect bound or 20 s budget on a busy machine, a reset) may have left
 * ports free: it goes on, up to three times, then says why, so the run fails with that line
 * instead of clients connecting through the free ports.
 */
async function fillWithTimeWait(target: Target, size: number): Promise<void> {
  const { host, port } = await hostAndPort(target);
  let last: Load | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const loader = await connectionsHere(host, port, "churn", size * 2);
    await loader.stop();
    last = loader.ready;
    if (last.error === "EADDRNOTAVAIL" || last.done === size * 2) return;
  }
  throw new Error(
    `prepare: ${size} ports not all in TIME_WAIT (the last loop closed ${last?.done}, then ${last?.error ?? "stopped"})`,
  );
}

export async function prepare(
  kind: ClientContainer["prepare"],
  target: Target,
  scenario: Scenario,
): Promise<() => Promise<void>> {
  const size = Number(scenario.fault.params.size ?? 0);
  // hold: as many as the scenario's own setup holds (`hold`), else twice its port range.
  const held = Number(scenario.fault.params.hold ?? size * 2);
  if (kind === "hold") {
    const { host, port } = await hostAndPort(target);
    // As the root lab's setups: connections held open until connect() fails (at `size` with the
    // scenario's range, or once a stalled server's backlog is full).
    return (await connectionsHere(host, port, "hold", held)).stop;
  }
  if (kind === "time-wait") {
    await fillWithTimeWait(target, size);
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
