import { readFile } from "node:fs/promises";
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import type { SocketEntry } from "./proc-net.ts";
import { type Said, said } from "./said.ts";

/** Whether an address belongs to this machine (its network namespace): loopback or an interface's. */
export function isLocalAddress(address: string, interfaces = networkInterfaces()): boolean {
  if (address.startsWith("127.") || address === "::1") return true;
  return Object.values(interfaces).some((list) => (list ?? []).some((i) => i.address === address));
}

export interface ListenerFinding {
  /** Listening addresses on the target's port, e.g. ["127.0.0.1"], ["::"]. */
  readonly listening: readonly string[];
  /** Whether one of them accepts connections to the address the client used. */
  readonly accepts: boolean;
  /** One sentence for the report, e.g. "listening on 127.0.0.1 only, you connected to 127.0.0.2". */
  readonly summary: Said;
  /** Other ports listening on the same address, a hint for "wrong port" (at most 10). */
  readonly otherPorts: readonly number[];
  /** Connections the kernel completed on the port's listeners that no process has accepted yet. */
  readonly waiting: number;
  /**
   * The processes holding those listening sockets, by name, as far as this user may see them
   * (socketOwners and commandNames, servers/src/descriptors.ts): `docker-proxy` is Docker's
   * forwarder for a published port.
   */
  readonly owners?: readonly string[];
}

/**
 * Processes whose name in the summary changes how it reads: a forwarder holds the port, and the
 * app is somewhere else (Docker's docker-proxy, for a published port). The app itself, the usual
 * owner, is what the user started and is not named.
 */
const forwarders: readonly string[] = ["docker-proxy"];

/** The finding with the processes behind its listeners; a forwarder among them is named in its summary. */
export function withOwners(finding: ListenerFinding, owners: readonly string[]): ListenerFinding {
  if (owners.length === 0) return finding;
  const shown = owners.filter((o) => forwarders.includes(o));
  if (shown.length === 0) return { ...finding, owners };
  const by = shown.join(", ");
  return {
    ...finding,
    owners,
    summary: said(`${finding.summary.en} (${by})`, `${finding.summary.es} (${by})`),
  };
}

/**
 * Which listeners would accept `address:port`. A wildcard accepts every address of its family;
 * `::` also takes IPv4 unless IPV6_V6ONLY (we only know the system default, bindv6only).
 */
export function analyseListeners(
  sockets: { v4: readonly SocketEntry[]; v6: readonly SocketEntry[] },
  address: string,
  port: number,
  bindV6Only = false,
): ListenerFinding {
  const family = isIP(address);
  const listen4 = sockets.v4.filter((s) => s.state === "LISTEN");
  const listen6 = sockets.v6.filter((s) => s.state === "LISTEN");
  const onPort = [
    ...listen4
      .filter((s) => s.localPort === port)
      .map((s) => ({ a: s.localAddress, v6: false, q: s.queued })),
    ...listen6.filter((s) => s.localPort === port).map((s) => ({ a: s.localAddress, v6: true, q: s.queued })),
  ];
  const waiting = onPort.reduce((sum, { q }) => sum + q, 0);
  const accepts = onPort.some(({ a, v6 }) => {
    if (a === address) return true;
    if (!v6) return family === 4 && a === "0.0.0.0";
    return a === "::" && (family === 6 || !bindV6Only);
  });
  const listening = [...new Set(onPort.map(({ a, v6 }) => (v6 && isIP(a) === 6 ? `[${a}]` : a)))];
  const sameAddress = [...listen4, ...listen6].filter(
    (s) => s.localAddress === address || s.localAddress === "0.0.0.0" || s.localAddress === "::",
  );
  const otherPorts = [...new Set(sameAddress.map((s) => s.localPort))]
    .filter((p) => p !== port)
    .sort((a, b) => a - b)
    .slice(0, 10);
  const shown = family === 6 ? `[${address}]` : address;
  const on = listening.join(", ");
  let summary: Said;
  if (onPort.length === 0)
    summary = said(
      `nothing on this machine listens on port ${port}`,
      `nada en esta máquina escucha en el puerto ${port}`,
    );
  else if (accepts)
    summary = said(
      `listening on ${on} port ${port}, which accepts ${shown}`,
      `escucha en ${on} puerto ${port}, que acepta ${shown}`,
    );
  else if (onPort.every(({ v6 }) => !v6) && family === 6)
    summary = said(
      `listening on IPv4 only (${on}) port ${port}, you connected to ${shown}`,
      `escucha solo en IPv4 (${on}) puerto ${port}, y te conectaste a ${shown}`,
    );
  else
    summary = said(
      `listening on ${on} only port ${port}, you connected to ${shown}`,
      `escucha solo en ${on} puerto ${port}, y te conectaste a ${shown}`,
    );
  if (waiting > 0)
    summary = said(
      `${summary.en}; ${waiting} connections wait there for the process to accept them`,
      `${summary.es}; ${waiting} conexiones esperan ahí a que el proceso las acepte`,
    );
  return { listening, accepts, summary, otherPorts, waiting };
}

export async function readBindV6Only(procRoot = "/proc"): Promise<boolean> {
  const text = await readFile(`${procRoot}/sys/net/ipv6/bindv6only`, "utf8").catch(() => "0");
  return text.trim() === "1";
}

/** Whether an IPv4 address lies in the subnet of one of this machine's interfaces (same LAN). */
export function onLocalSubnet(address: string, interfaces = networkInterfaces()): boolean {
  if (isIP(address) !== 4) return false;
  const value = ipv4ToInt(address);
  return Object.values(interfaces).some((list) =>
    (list ?? []).some((i) => {
      if (i.family !== "IPv4" || i.internal) return false;
      const bits = Number(i.cidr?.split("/")[1] ?? 32);
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
      return (value & mask) >>> 0 === (ipv4ToInt(i.address) & mask) >>> 0;
    }),
  );
}

function ipv4ToInt(address: string): number {
  return address.split(".").reduce((n, octet) => ((n << 8) | Number(octet)) >>> 0, 0);
}
