import { execFile } from "node:child_process";
import { join } from "node:path";
import type { ClientName } from "@connlab/scenarios";
import type { Report, ReproduceOptions } from "./reproduce.ts";

/**
 * Clients that may run only where they can reach nothing but the lab: a browser contacts its
 * vendor's services by itself, and one missed preference must not send a packet out.
 */
export function needsOwnNetwork(client: ClientName): boolean {
  return client === "firefox";
}

const reproduceMain = join(import.meta.dirname, "bin", "reproduce.ts");

/**
 * Node's and Firefox's start-up inside the namespace, and the setup's: seconds on an idle
 * machine, over a minute with both cores busy. Ours, not the clients', so on top of the watchdog.
 */
const startupAllowanceMs = 120_000;

/**
 * Reproduces a rootless-lab scenario in a network namespace of its own that has loopback only:
 * its servers and the clients asked for (Firefox) share that loopback, and nothing else exists
 * there to reach. As root `unshare --net`; as any other user `unshare --net --map-root-user` (a
 * user namespace makes the network namespace possible without privileges). Loopback comes up
 * first: a new namespace starts with `lo` down. Never throws: a run that gives no report is a
 * failed run, with the reason.
 */
export function reproduceInOwnNetwork(
  scenarioId: string,
  options: ReproduceOptions & { readonly watchdogMs: number },
): Promise<Report> {
  const namespaces = process.getuid?.() === 0 ? ["--net"] : ["--net", "--map-root-user"];
  const args = [...namespaces, "sh", "-c", 'ip link set lo up && exec "$@"', "sh"];
  args.push(process.execPath, reproduceMain, scenarioId, JSON.stringify(options));
  const failed = (why: string): Report => ({
    scenario: scenarioId,
    ok: false,
    fixed: options.fixed ?? false,
    observations: [],
    failure: `no report from ${options.clients?.join(", ")} in a network namespace of their own: ${why}`,
  });
  return new Promise((resolve) => {
    execFile(
      "unshare",
      args,
      {
        timeout: options.watchdogMs + startupAllowanceMs,
        // SIGTERM, not SIGKILL: puppeteer-core closes Firefox on it, where a killed Node would
        // leave Firefox running alone in the namespace (sh and unshare exec: the pid is Node's).
        killSignal: "SIGTERM",
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          const why = error.killed
            ? `none within ${(options.watchdogMs + startupAllowanceMs) / 1000} s`
            : String(stderr).trim().split("\n").at(-1) || error.message;
          resolve(failed(why));
          return;
        }
        try {
          resolve(JSON.parse(String(stdout)) as Report);
        } catch {
          resolve(failed(`it printed no report (${String(stdout).slice(0, 80)})`));
        }
      },
    );
  });
}

/** The reports of one run split between here and a namespace of its own, as one, in the asked order. */
export function joinReports(asked: readonly ClientName[], parts: readonly Report[]): Report {
  const [first] = parts;
  if (!first) throw new Error("joinReports needs at least one report");
  const observations = parts
    .flatMap((report) => report.observations)
    .sort((a, b) => asked.indexOf(a.client) - asked.indexOf(b.client));
  const failures = parts.flatMap((report) => (report.failure ? [report.failure] : []));
  const facts = parts.find((report) => report.facts)?.facts;
  return {
    scenario: first.scenario,
    ok: parts.every((report) => report.ok),
    fixed: first.fixed,
    observations,
    ...(failures.length > 0 ? { failure: failures.join("; ") } : {}),
    ...(facts ? { facts } : {}),
  };
}
