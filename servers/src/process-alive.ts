import { readFileSync } from "node:fs";

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
