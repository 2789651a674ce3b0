import { descriptorsOf } from "@connlab/servers/descriptors";
import type { SocketEntry } from "./proc-net.ts";
import { type Said, said } from "./said.ts";

export interface DescriptorFinding {
  /** The listening process, when this user could find it; its limit and what it holds below it. */
  readonly pid?: number;
  readonly limit?: number;
  readonly openFds?: number;
  /** Every descriptor below its limit is in use: accept() fails with EMFILE. */
  readonly exhausted: boolean;
  readonly summary: Said;
}

/**
 * The file descriptors of the process listening on the target's port, from /proc: its socket's
 * inode leads to the process (`owners`, from socketOwners), whose limits and fd folder say how
 * many it may open and how many it has. Another user's process (without root) is not ours to
 * read: then unknown.
 */
export async function listenerDescriptors(
  listening: readonly SocketEntry[],
  owners: ReadonlyMap<number, number>,
): Promise<DescriptorFinding> {
  for (const socket of listening) {
    const pid = owners.get(socket.inode);
    const seen = pid === undefined ? undefined : await descriptorsOf(pid);
    if (!seen) continue;
    const { limit, openFds } = seen;
    const exhausted = openFds >= limit;
    const holds = `the listening process (pid ${pid}) has ${openFds} descriptors open, its limit ("Max open files") is ${limit}`;
    const tiene = `el proceso que escucha (pid ${pid}) tiene ${openFds} descriptores abiertos, su límite («Max open files») es ${limit}`;
    return {
      pid: seen.pid,
      limit,
      openFds,
      exhausted,
      summary: exhausted
        ? said(`${holds}: none left to accept with`, `${tiene}: no le queda ninguno para aceptar`)
        : said(holds, tiene),
    };
  }
  return {
    exhausted: false,
    summary: said(
      "the listening process is not one this user can read (run as its user or root)",
      "el proceso que escucha no es uno que este usuario pueda leer (ejecútalo como su usuario o root)",
    ),
  };
}
