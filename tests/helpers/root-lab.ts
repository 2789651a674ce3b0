import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Report } from "@connlab/probes";
import { waitWindowMs } from "@connlab/scenarios";
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

export function expectAllConnected(report: Report): void {
  expect(report.observations.map((o) => [o.client, o.code, o.why])).toEqual(
    report.observations.map((o) => [o.client, "OK", ""]),
  );
  expect(report.ok).toBe(true);
}
