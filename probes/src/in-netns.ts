import { execFile } from "node:child_process";
import { join } from "node:path";
import type { ClientName } from "@connlab/scenarios";
import type { ProbeOptions, Target } from "@connlab/servers";
import { getClient } from "./clients/index.ts";
import { Observation } from "./observation.ts";
import { shortenKernelTimers, withSettings } from "./settings.ts";

const probeMain = join(import.meta.dirname, "bin", "probe.ts");

/** Node's and Chromium's start-up inside the namespace, on a busy machine, on top of the watchdog. */
const startupAllowanceMs = 120_000;

/**
 * Runs the clients concurrently where the target says: in this process, or, for a root-lab
 * target, inside its network namespace through one bin/probe.ts process, so their sockets (and
 * curl's) use the lab's routes, resolver and sysctls. One observation per client, in order;
 * never throws, like Client.probe.
 */
export async function probeClients(
  names: readonly ClientName[],
  target: Target,
  options: ProbeOptions,
): Promise<Observation[]> {
  const observed = await observe(names, target, options);
  return observed.map((observation) => withSettings(observation, target));
}

async function observe(
  names: readonly ClientName[],
  target: Target,
  options: ProbeOptions,
): Promise<Observation[]> {
  if (!target.netns) return Promise.all(names.map((name) => getClient(name).probe(target, options)));
  await shortenKernelTimers(target.netns);
  const args = ["netns", "exec", target.netns, process.execPath, probeMain, "--url", target.url];
  args.push("--timeout-ms", String(options.timeoutMs), ...names.flatMap((name) => ["--client", name]));
  return new Promise((resolve) => {
    execFile(
      "ip",
      args,
      { env: { ...process.env, ...target.env }, timeout: options.timeoutMs + startupAllowanceMs },
      (error, stdout, stderr) => {
        const lines = String(stdout).trim().split("\n");
        resolve(
          names.map((name, i) => {
            const parsed = Observation.safeParse(safeJson(lines[i]));
            if (parsed.success && parsed.data.client === name) return parsed.data;
            const why =
              String(stderr).trim() || (error ? `${error.message} (${error.signal ?? error.code})` : "");
            return {
              client: name,
              clientVersion: "unknown",
              code: "PROBE_FAILED",
              message: why || "the probe printed no observation",
              exitCode: null,
              elapsedMs: 0,
            };
          }),
        );
      },
    );
  });
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "");
  } catch {
    return undefined;
  }
}
