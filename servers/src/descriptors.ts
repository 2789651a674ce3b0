import { readdir, readFile, readlink } from "node:fs/promises";

/** A process's file descriptors as /proc shows them: what accept() meets when it fails with EMFILE. */
export interface Descriptors {
  readonly pid: number;
  /** "Max open files" in /proc/PID/limits, the soft limit the kernel applies to a new descriptor. */
  readonly limit: number;
  /**
   * Descriptors open below the limit (/proc/PID/fd). Only those count: a new one takes the lowest
   * free number under the limit, and one inherited above it (from a shell) takes none of them.
   */
  readonly openFds: number;
}

/** What /proc says of one process; undefined when it is gone or not ours to read. */
export async function descriptorsOf(pid: number, procRoot = "/proc"): Promise<Descriptors | undefined> {
  try {
    const limits = await readFile(`${procRoot}/${pid}/limits`, "utf8");
    const line = limits.split("\n").find((l) => l.startsWith("Max open files"));
    const soft = line?.split(/\s+/)[3];
    // "unlimited" is not a limit a descriptor can reach.
    const limit = Number(soft);
    if (!Number.isInteger(limit)) return undefined;
    const open = (await readdir(`${procRoot}/${pid}/fd`)).map(Number);
    return { pid, limit, openFds: open.filter((fd) => fd < limit).length };
  } catch {
    return undefined;
  }
}

/**
 * The processes that hold the sockets with these inodes (the numbers /proc/net/tcp gives them),
 * by inode, found in one pass over the processes this user may read: for each, the first one
 * whose descriptors point at it. Bounded by `timeoutMs`: a machine with many processes is
 * searched as far as time allows.
 */
export async function socketOwners(
  inodes: readonly number[],
  procRoot = "/proc",
  timeoutMs = 2_000,
): Promise<Map<number, number>> {
  const owners = new Map<number, number>();
  const wanted = new Map(inodes.filter((inode) => inode > 0).map((inode) => [`socket:[${inode}]`, inode]));
  if (wanted.size === 0) return owners;
  const deadline = Date.now() + timeoutMs;
  const pids = (await readdir(procRoot)).filter((name) => /^\d+$/.test(name));
  for (const pid of pids) {
    if (owners.size === wanted.size || Date.now() > deadline) break;
    const fds = await readdir(`${procRoot}/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const inode = wanted.get(await readlink(`${procRoot}/${pid}/fd/${fd}`).catch(() => ""));
      if (inode !== undefined && !owners.has(inode)) owners.set(inode, Number(pid));
    }
  }
  return owners;
}

/**
 * The command names (/proc/PID/comm) of these processes, sorted, where this user may read them:
 * without root, another user's (docker-proxy runs as root) stay unknown.
 */
export async function commandNames(pids: Iterable<number>, procRoot = "/proc"): Promise<string[]> {
  const names = new Set<string>();
  for (const pid of new Set(pids)) {
    const comm = (await readFile(`${procRoot}/${pid}/comm`, "utf8").catch(() => "")).trim();
    if (comm) names.add(comm);
  }
  return [...names].sort();
}
