import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { isAlive } from "../process-alive.ts";
import { deadRunDirs } from "../run-dirs.ts";

/** Each run's nginx folder is `<tmp>/connlab-nginx-<pid of the run>-XXXXXX` (nginx/run.ts, runDir). */
export const nginxDirPrefix = "connlab-nginx-";

/** The processes whose parent is `pid`: an nginx master's workers. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces: the fields after it are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** The master's pid from the folder's pid file, if that process is still the nginx of this folder. */
function masterOf(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, "nginx.pid"), "utf8").trim());
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes(dir) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * nginx processes and folders of lab runs that died without their cleanup (SIGKILL, a crash):
 * the master gets SIGTERM (nginx's fast shutdown ends its workers too), then SIGKILL with its
 * workers if it lingers; the folder goes. A live run's nginx is never touched. Returns the
 * folders removed. Any user: a rootless lab starts nginx too.
 */
export async function removeNginxLeftovers(): Promise<string[]> {
  const dirs = deadRunDirs(nginxDirPrefix);
  for (const dir of dirs) {
    const master = masterOf(dir);
    if (master !== undefined) {
      const workers = childrenOf(master);
      signal(master, "SIGTERM");
      for (let waited = 0; waited < 3_000 && isAlive(master); waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const pid of [master, ...workers]) if (isAlive(pid)) signal(pid, "SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return dirs;
}
