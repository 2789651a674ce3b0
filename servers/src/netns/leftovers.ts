import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { caDirPrefix } from "../lab-ca.ts";
import { removeNginxLeftovers } from "../nginx/leftovers.ts";
import { isAlive } from "../process-alive.ts";
import { removeDeadRunDirs } from "../run-dirs.ts";
import { ownerPid } from "./names.ts";
import { deleteNamespace, listNamespaces } from "./namespace.ts";

/**
 * The one leftover sweeper: removes the namespaces (with their veths, tables and processes) and
 * /etc/netns files of root labs whose owning process is dead, and the nginx processes and temp
 * folders (nginx's, a CA's: run-dirs.ts) of any lab run that died; another live run's lab is never
 * touched. Returns the names removed. Every command that creates lab state (reproduce, record,
 * lab up, workshop start, the benches) calls it first. Without root there are no namespaces of
 * ours to remove (a root lab cannot have been built), only a rootless run's nginx and folders.
 */
export async function removeLeftovers(): Promise<string[]> {
  const folders = [...(await removeNginxLeftovers()), ...removeDeadRunDirs(caDirPrefix)];
  if (process.getuid?.() !== 0) return folders;
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
  return [...folders, ...removed.sort()];
}
