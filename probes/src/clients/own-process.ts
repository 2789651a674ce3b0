import type { ProbeOptions, Target } from "@connlab/servers";
import { execa } from "execa";
import type { Observation } from "../observation.ts";
import { type Client, probeEnv, stopwatch, watchdogFired } from "./client.ts";
import { nodeTrust } from "./trust.ts";

const childMain = new URL("./child.ts", import.meta.url).pathname;

/**
 * A Node client runs in a child Node process, with exactly the target's environment, when the
 * target needs what only a process can have: Node reads NODE_USE_ENV_PROXY and the proxy
 * variables once, at start-up, and fetch resolves names only through the process-wide
 * `dns.lookup`, and NODE_EXTRA_CA_CERTS (a CA to trust) is read at start-up too. Doing any here would leak into every concurrent probe; a child is also
 * exactly what a user's program is. Clients that take a `lookup` option and never read proxy
 * variables (node:net, ws) stay in this process.
 */
export function inOwnProcessWhen(client: Client, needed: (target: Target) => boolean): Client {
  return {
    name: client.name,
    version: () => client.version(),
    probe: (target, options) =>
      needed(target) ? probeInChild(client, target, options) : client.probe(target, options),
  };
}

async function probeInChild(client: Client, target: Target, options: ProbeOptions): Promise<Observation> {
  const elapsed = stopwatch();
  const trust = target.trust ? nodeTrust(target.trust) : undefined;
  const result = await execa(
    process.execPath,
    [childMain, client.name, JSON.stringify(target), String(options.watchdogMs)],
    {
      reject: false,
      env: { ...probeEnv(target), ...trust?.env },
      extendEnv: false,
      // The lab's watchdog (observe()'s): a child still running then is ended, a failed run.
      timeout: options.watchdogMs,
    },
  );
  try {
    const observation = JSON.parse(String(result.stdout)) as Observation;
    return trust
      ? { ...observation, settings: [...(observation.settings ?? []), trust.setting] }
      : observation;
  } catch {
    const base = { client: client.name, clientVersion: await client.version(), exitCode: null };
    if (result.timedOut) return { ...base, ...watchdogFired(options.watchdogMs) };
    const message = String(result.stderr).trim().split("\n").at(-1) ?? "";
    return {
      ...base,
      code: "CONNLAB_CHILD_FAILED",
      message: message || `child exited with ${result.exitCode}`,
      exitCode: result.exitCode ?? null,
      elapsedMs: elapsed(),
    };
  }
}
