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
 * The process that holds the socket with this inode (the number /proc/net/tcp gives it), found
 * among the processes this user may read: the first one whose descriptors point at it.
 * Bounded by `timeoutMs`: a machine with many processes is searched as far as time allows.
 */
export async function socketOwner(
  inode: number,
  procRoot = "/proc",
  timeoutMs = 2_000,
): Promise<number | undefined> {
  if (inode <= 0) return undefined;
  const link = `socket:[${inode}]`;
  const deadline = Date.now() + timeoutMs;
  const pids = (await readdir(procRoot)).filter((name) => /^\d+$/.test(name));
  for (const pid of pids) {
    if (Date.now() > deadline) return undefined;
    const fds = await readdir(`${procRoot}/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      if ((await readlink(`${procRoot}/${pid}/fd/${fd}`).catch(() => "")) === link) return Number(pid);
    }
  }
  return undefined;
}

/**
 * The command names (/proc/PID/comm) of the processes holding these socket inodes, where this
 * user may read them: without root, another user's (docker-proxy runs as root) stay unknown.
 */
export async function socketOwnerNames(inodes: readonly number[], procRoot = "/proc"): Promise<string[]> {
  const names = new Set<string>();
  for (const inode of new Set(inodes)) {
    const pid = await socketOwner(inode, procRoot);
    if (pid === undefined) continue;
    const comm = (await readFile(`${procRoot}/${pid}/comm`, "utf8").catch(() => "")).trim();
    if (comm) names.add(comm);
  }
  return [...names].sort();
}
