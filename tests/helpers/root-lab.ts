import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Report } from "@connlab/probes";
import { waitWindowMs } from "@connlab/scenarios";
import { createLab, lan } from "@connlab/servers";
import { expect } from "vitest";
import { waitedMs } from "./report.ts";

const run = promisify(execFile);

/**
 * What this test process's root labs left behind: namespaces named after its pid, /etc/netns
 * entries, nftables tables in the host's ruleset, and child processes. Other engineers' runs use
 * other pids, so their labs never show up here.
 */
export async function leftovers(): Promise<string[]> {
  const mine = `connlab-${process.pid}-`;
  const found: string[] = [];
  const { stdout: namespaces } = await run("ip", ["netns", "list"]);
  found.push(...namespaces.split("\n").filter((line) => line.startsWith(mine)));
  const { stdout: etc } = await run("ls", ["-1", "/etc/netns"]).catch(() => ({ stdout: "" }));
  found.push(...etc.split("\n").filter((line) => line.startsWith(mine)));
  const { stdout: tables } = await run("nft", ["list", "tables"]);
  found.push(
    ...tables.split("\n").filter((line) => /connlab_(firewall|panel|security_group|bogons)/.test(line)),
  );
  const { stdout: children } = await run("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)]).catch(
    () => ({
      stdout: "",
    }),
  );
  found.push(...children.split("\n").filter((line) => /servers\/src\/bin|probes\/src\/bin/.test(line)));
  return found;
}

/** Per client: [client, code, why]; `why` is "" when judge() agreed with the declaration. */
export function verdicts(report: Report) {
  return report.observations.map((o) => [o.client, o.code, o.why]);
}

/**
 * An answer came back (RST, ICMP, local error): within the catalogue's "answer" window.
 * curl's own figure is used (see waitedMs). The in-process clients share one probe process, where
 * one client's start-up (undici loads lazily) can delay another's callbacks on a loaded
 * machine; hence the margin.
 */
export function expectAnsweredFast(report: Report): void {
  const { max } = waitWindowMs("answer");
  for (const o of report.observations) {
    const ms = waitedMs(o);
    expect(ms, `${o.client} took ${ms} ms`).toBeLessThanOrEqual(max);
  }
}

/**
 * Client 198.18.0.1 and server 198.18.0.2 on a LAN of the root lab's own (servers' Lab: named
 * after this pid, torn down by close() or swept after a crash), for tests that run their own
 * processes in it. `hosts` becomes the client's /etc/hosts inside its namespace only.
 */
export interface NetnsPair {
  readonly client: string;
  readonly server: string;
  readonly serverAddress: string;
  /** Runs a command inside a namespace, execFile-style (no shell). */
  exec(ns: string, file: string, args: readonly string[], timeoutMs?: number): Promise<string>;
  /** Starts `node -e code` (args: ["-e", code]) inside a namespace; ready on its first JSON line. */
  spawnIn(ns: string, file: string, args: readonly string[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function labPair(options: { hosts?: string } = {}): Promise<NetnsPair> {
  const lab = createLab();
  try {
    const { client = "", server = "" } = await lan(lab, [
      { role: "client", host: 1 },
      { role: "server", host: 2 },
    ]);
    if (options.hosts !== undefined) lab.etcFile(client, "hosts", options.hosts);
    return {
      client,
      server,
      serverAddress: "198.18.0.2",
      exec: async (ns, file, args, timeoutMs = 10_000) =>
        (await run("ip", ["netns", "exec", ns, file, ...args], { timeout: timeoutMs })).stdout,
      spawnIn: (ns, _node, [script = "", ...args]) => lab.spawn(ns, script, args),
      close: () => lab.close(),
    };
  } catch (error) {
    await lab.close();
    throw error;
  }
}
