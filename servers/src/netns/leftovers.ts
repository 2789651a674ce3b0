import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ownerPid } from "./names.ts";
import { deleteNamespace, listNamespaces } from "./namespace.ts";

/**
 * Signal 0 checks existence (EPERM: it exists but belongs to someone else). A zombie has exited
 * too: a run killed with SIGKILL stays a zombie until its parent (often init, for a detached
 * daemon) reaps it, and its lab is a leftover already.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

/**
 * The one leftover sweeper: removes the namespaces (with their veths, tables and processes) and
 * /etc/netns files of root labs whose owning process is dead; another live run's lab is never
 * touched. Returns the names removed. Every command that creates lab state (reproduce, record,
 * lab up, workshop start, the benches) calls it first. Without root there is nothing of ours to
 * remove (a root lab cannot have been built), so it returns at once.
 */
export async function removeLeftovers(): Promise<string[]> {
  if (process.getuid?.() !== 0) return [];
  const names = new Set(await listNamespaces().catch(() => []));
  let etc: string[] = [];
  try {
    etc = readdirSync("/etc/netns");
  } catch {
    // no /etc/netns: nothing of ours there
  }
  for (const name of etc) names.add(name);
  const removed: string[] = [];
  for (const name of names) {
    const pid = ownerPid(name);
    if (pid === undefined || pid === process.pid || isAlive(pid)) continue;
    await deleteNamespace(name);
    rmSync(join("/etc/netns", name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed.sort();
}
