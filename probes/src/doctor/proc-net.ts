import { readdir, readFile, readlink } from "node:fs/promises";

/** TCP states as the kernel numbers them in /proc/net/tcp (include/net/tcp_states.h). */
export const tcpStates: Record<string, string> = {
  "01": "ESTABLISHED",
  "02": "SYN_SENT",
  "03": "SYN_RECV",
  "04": "FIN_WAIT1",
  "05": "FIN_WAIT2",
  "06": "TIME_WAIT",
  "07": "CLOSE",
  "08": "CLOSE_WAIT",
  "09": "LAST_ACK",
  "0A": "LISTEN",
  "0B": "CLOSING",
};

export interface SocketEntry {
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly state: string;
  /** rx_queue: on a LISTEN socket, the connections the kernel completed that wait for accept(). */
  readonly queued: number;
  /** The socket's inode: /proc/PID/fd/N links to `socket:[inode]` in the process holding it. */
  readonly inode: number;
}

/**
 * Parses /proc/net/tcp or /proc/net/tcp6. Addresses are hex, each 32-bit word in host byte order
 * (little-endian here): "0100007F:1F90" is 127.0.0.1:8080. IPv4-mapped IPv6 addresses in tcp6
 * are returned as their IPv4 form.
 */
export function parseProcNetTcp(text: string): SocketEntry[] {
  const entries: SocketEntry[] = [];
  for (const line of text.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [local, remote, state, queues, inode] = [fields[1], fields[2], fields[3], fields[4], fields[9]];
    if (!local || !remote || !state) continue;
    const l = splitHexEndpoint(local);
    const r = splitHexEndpoint(remote);
    if (!l || !r) continue;
    entries.push({
      localAddress: l.address,
      localPort: l.port,
      remoteAddress: r.address,
      remotePort: r.port,
      state: tcpStates[state.toUpperCase()] ?? state,
      queued: Number.parseInt(queues?.split(":")[1] ?? "0", 16) || 0,
      inode: Number(inode) || 0,
    });
  }
  return entries;
}

function splitHexEndpoint(text: string): { address: string; port: number } | undefined {
  const [hex, portHex] = text.split(":");
  if (!hex || !portHex || !/^[0-9A-Fa-f]+$/.test(hex + portHex)) return undefined;
  const address = hex.length === 8 ? hexToIpv4(hex) : hex.length === 32 ? hexToIpv6(hex) : undefined;
  return address === undefined ? undefined : { address, port: Number.parseInt(portHex, 16) };
}

/** One 32-bit word, little-endian: the bytes come out reversed. */
function wordBytes(word: string): number[] {
  const bytes = [0, 2, 4, 6].map((i) => Number.parseInt(word.slice(i, i + 2), 16));
  return bytes.reverse();
}

function hexToIpv4(hex: string): string {
  return wordBytes(hex).join(".");
}

function hexToIpv6(hex: string): string {
  const bytes = [0, 8, 16, 24].flatMap((i) => wordBytes(hex.slice(i, i + 8)));
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return bytes.slice(12).join(".");
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return compressIpv6(groups);
}

/** RFC 5952 text form: the longest run of two or more zero groups becomes "::". */
function compressIpv6(groups: string[]): string {
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === "0") j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start === -1) return groups.join(":");
  const head = groups.slice(0, best.start).join(":");
  const tail = groups.slice(best.start + best.length).join(":");
  return `${head}::${tail}`;
}

/** Every TCP socket of this network namespace, IPv4 and IPv6; a missing file counts as empty. */
export async function readSockets(procRoot = "/proc"): Promise<{ v4: SocketEntry[]; v6: SocketEntry[] }> {
  const read = (name: string) => readFile(`${procRoot}/net/${name}`, "utf8").catch(() => "");
  const [v4, v6] = await Promise.all([read("tcp"), read("tcp6")]);
  return { v4: parseProcNetTcp(v4), v6: parseProcNetTcp(v6) };
}

/**
 * The names (/proc/PID/comm) of the processes holding these socket inodes, found through their
 * fd links. Only the processes this user may look into: without root, another user's (dockerd's
 * docker-proxy runs as root) stay unknown, and the answer is what could be read.
 */
export async function socketOwners(inodes: readonly number[], procRoot = "/proc"): Promise<string[]> {
  const wanted = new Set(inodes.filter((i) => i > 0).map((i) => `socket:[${i}]`));
  if (wanted.size === 0) return [];
  const names = new Set<string>();
  const pids = (await readdir(procRoot).catch(() => [])).filter((e) => /^\d+$/.test(e));
  for (const pid of pids) {
    const fds = await readdir(`${procRoot}/${pid}/fd`).catch(() => []);
    for (const fd of fds) {
      const link = await readlink(`${procRoot}/${pid}/fd/${fd}`).catch(() => "");
      if (!wanted.has(link)) continue;
      const comm = await readFile(`${procRoot}/${pid}/comm`, "utf8").catch(() => "");
      if (comm.trim()) names.add(comm.trim());
      break;
    }
  }
  return [...names].sort();
}
