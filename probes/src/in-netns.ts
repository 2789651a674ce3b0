import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { type ClientName, nodeClients } from "@connlab/scenarios";
import type { Target } from "@connlab/servers";
import { probeEnv } from "./clients/client.ts";
import { loadUndici } from "./clients/fetch.ts";
import { getClient } from "./clients/index.ts";
import { nodeTrust } from "./clients/trust.ts";
import { Observation, WATCHDOG } from "./observation.ts";
import { shortenKernelTimers, withSettings } from "./settings.ts";

const probeMain = join(import.meta.dirname, "bin", "probe.ts");

/**
 * Runs the clients concurrently where the target says: in this process, or, for a root-lab
 * target, inside its network namespace through one bin/probe.ts process, so their sockets (and
 * curl's) use the lab's routes, resolver and sysctls (the kernel's SYN retries shortened there).
 * `ownProcess` asks for a bin/probe.ts process without a namespace: for a caller that runs many
 * scenarios at once (the docker probe), whose busy event loop would otherwise slow the timers
 * of every client in it. undici counts its connect timeout in ticks of that loop, so a loop
 * starved for seconds let the kernel's (lab-shortened) SYN timer fire first.
 * One entry per client, in order: its observation with the non-default settings its run needed,
 * or undefined when it had no outcome when the watchdog fired. Never throws.
 */
export async function probeClients(
  names: readonly ClientName[],
  target: Target,
  watchdogMs: number,
  options: { ownProcess?: boolean } = {},
): Promise<(Observation | undefined)[]> {
  const seen =
    target.netns || options.ownProcess
      ? await probeInChild(target.netns, names, target, watchdogMs)
      : // undici loads before any attempt starts, not in the middle of the others' (fetch.ts).
        await loadUndici().then(() =>
          Promise.all(
            names.map((name) => withinWatchdog(getClient(name).probe(target, { watchdogMs }), watchdogMs)),
          ),
        );
  // A client that ended its own process or page at the watchdog has no outcome either.
  return seen.map((o) => (o && o.code !== WATCHDOG ? withSettings(o, target) : undefined));
}

function withinWatchdog<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, watchdog]).finally(() => clearTimeout(timer));
}

/** Node's start-up (inside the namespace, if any) on a busy machine: ours, not the clients', so not watched. */
const startupAllowanceMs = 60_000;

/**
 * bin/probe.ts prints `{"started":true}` once its clients are loaded, then each observation as
 * a JSON line when it arrives. The watchdog starts with the clients, not with Node's start-up.
 */
async function probeInChild(
  netns: string | undefined,
  names: readonly ClientName[],
  target: Target,
  watchdogMs: number,
): Promise<(Observation | undefined)[]> {
  if (netns) await shortenKernelTimers(netns, target);
  // What the clients read of the target besides its environment, which is the process's own.
  const { env: _env, netns: _netns, ...seen } = target;
  const node = [
    process.execPath,
    probeMain,
    "--target",
    JSON.stringify(seen),
    "--watchdog-ms",
    String(watchdogMs),
  ];
  node.push(...names.flatMap((name) => ["--client", name]));
  const [file = "", ...args] = netns ? ["ip", "netns", "exec", netns, ...node] : node;
  // A CA to trust reaches the Node clients as it reaches a user's program, at start-up.
  const trust = target.trust ? nodeTrust(target.trust) : undefined;
  const trusting = (o: Observation): Observation =>
    trust && nodeClients.includes(o.client) ? { ...o, settings: [...(o.settings ?? []), trust.setting] } : o;
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      // The target's environment, never the runner's proxy or CA settings (probeEnv).
      env: { ...probeEnv(target), ...trust?.env },
      stdio: ["ignore", "pipe", "ignore"],
    });
    const observed = new Map<string, Observation>();
    const finish = () => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      resolve(names.map((name) => observed.get(name)));
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
      if (parsed.success) observed.set(parsed.data.client, trusting(parsed.data));
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
