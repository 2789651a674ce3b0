import { execFile } from "node:child_process";
import { join } from "node:path";
import type { ClientName } from "@connlab/scenarios";
import type { ProbeOptions, Target } from "@connlab/servers";
import { getClient } from "./clients/index.ts";
import { Observation } from "./observation.ts";

const probeMain = join(import.meta.dirname, "bin", "probe.ts");

/**
 * Runs the clients concurrently where the target says: in this process, or, for a root-lab
 * target, inside its network namespace through one bin/probe.ts process, so their sockets (and
 * curl's) use the lab's routes, resolver and sysctls. One entry per client, in order: its
 * observation, or undefined when it had not answered when the watchdog fired. Never throws.
 */
export function probeClients(
  names: readonly ClientName[],
  target: Target,
  options: ProbeOptions,
  watchdogMs: number,
): Promise<(Observation | undefined)[]> {
  return target.netns
    ? probeInNamespace(target.netns, names, target, options, watchdogMs)
    : Promise.all(names.map((name) => withinWatchdog(getClient(name).probe(target, options), watchdogMs)));
}

function withinWatchdog<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, watchdog]).finally(() => clearTimeout(timer));
}

/** bin/probe.ts prints each observation as a JSON line when it arrives; the watchdog kills it. */
function probeInNamespace(
  netns: string,
  names: readonly ClientName[],
  target: Target,
  options: ProbeOptions,
  watchdogMs: number,
): Promise<(Observation | undefined)[]> {
  const args = ["netns", "exec", netns, process.execPath, probeMain, "--url", target.url];
  args.push("--timeout-ms", String(options.timeoutMs), ...names.flatMap((name) => ["--client", name]));
  return new Promise((resolve) => {
    execFile(
      "ip",
      args,
      { env: { ...process.env, ...target.env }, timeout: watchdogMs },
      (_error, stdout) => {
        const seen = new Map<string, Observation>();
        for (const line of String(stdout).split("\n")) {
          const parsed = Observation.safeParse(safeJson(line));
          if (parsed.success) seen.set(parsed.data.client, parsed.data);
        }
        resolve(names.map((name) => seen.get(name)));
      },
    );
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
