import { execFile } from "node:child_process";
import { join } from "node:path";
import type { ClientName } from "@connlab/scenarios";
import type { ProbeOptions, Target } from "@connlab/servers";
import { getClient } from "./clients/index.ts";
import { Observation } from "./observation.ts";

const probeMain = join(import.meta.dirname, "bin", "probe.ts");

/**
 * Runs a client where the target says: in this process, or, for a root-lab target, inside its
 * network namespace through bin/probe.ts, so its sockets (and curl's) use the lab's routes,
 * resolver and sysctls. Never throws, like Client.probe.
 */
export async function probeClient(
  name: ClientName,
  target: Target,
  options: ProbeOptions,
): Promise<Observation> {
  if (!target.netns) return getClient(name).probe(target, options);
  const args = ["netns", "exec", target.netns, process.execPath, probeMain];
  args.push("--client", name, "--url", target.url, "--timeout-ms", String(options.timeoutMs));
  return new Promise((resolve) => {
    execFile(
      "ip",
      args,
      { env: { ...process.env, ...target.env }, timeout: options.timeoutMs + 10_000 },
      (error, stdout, stderr) => {
        const parsed = Observation.safeParse(safeJson(String(stdout).trim().split("\n").at(-1)));
        if (parsed.success) return resolve(parsed.data);
        resolve({
          client: name,
          clientVersion: "unknown",
          code: "PROBE_FAILED",
          message: `${String(stderr).trim() || error?.message || "no observation"}`,
          exitCode: null,
          elapsedMs: 0,
        });
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
