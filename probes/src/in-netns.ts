import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { ClientName } from "@connlab/scenarios";
import type { ProbeOptions, Target } from "@connlab/servers";
import { loadUndici } from "./clients/fetch.ts";
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
    : // undici loads before any attempt starts, not in the middle of the others' (fetch.ts).
      loadUndici().then(() =>
        Promise.all(names.map((name) => withinWatchdog(getClient(name).probe(target, options), watchdogMs))),
      );
}

function withinWatchdog<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, watchdog]).finally(() => clearTimeout(timer));
}

/** Node's start-up inside the namespace on a busy machine: ours, not the clients', so not watched. */
const startupAllowanceMs = 60_000;

/**
 * bin/probe.ts prints `{"started":true}` once its clients are loaded, then each observation as
 * a JSON line when it arrives. The watchdog starts with the clients, not with Node's start-up.
 */
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
    const child = spawn("ip", args, {
      env: { ...process.env, ...target.env },
      stdio: ["ignore", "pipe", "ignore"],
    });
    const seen = new Map<string, Observation>();
    const finish = () => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      resolve(names.map((name) => seen.get(name)));
    };
    let timer = setTimeout(finish, startupAllowanceMs + watchdogMs);
    createInterface({ input: child.stdout }).on("line", (line) => {
      const json = safeJson(line);
      if (json && typeof json === "object" && "started" in json) {
        clearTimeout(timer);
        timer = setTimeout(finish, watchdogMs);
        return;
      }
      const parsed = Observation.safeParse(json);
      if (parsed.success) seen.set(parsed.data.client, parsed.data);
    });
    child.once("close", finish);
    child.once("error", finish);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
