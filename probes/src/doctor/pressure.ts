import { readFile } from "node:fs/promises";
import type { SocketEntry } from "./proc-net.ts";

export interface PortPressure {
  /** net.ipv4.ip_local_port_range (it applies to IPv6 too), when readable. */
  readonly range?: { readonly low: number; readonly high: number; readonly size: number };
  /** Sockets from this machine toward the target address and port, by state. */
  readonly timeWait: number;
  readonly established: number;
  /** Share of the range those sockets hold, 0..1 (0 when the range is unknown). */
  readonly usedShare: number;
}

export function parsePortRange(text: string): PortPressure["range"] {
  const match = /^\s*(\d+)\s+(\d+)\s*$/.exec(text);
  if (!match) return undefined;
  const low = Number(match[1]);
  const high = Number(match[2]);
  return high >= low ? { low, high, size: high - low + 1 } : undefined;
}

/**
 * A client needs one local port per connection to the same destination (address, port): the
 * ports in ESTABLISHED and TIME_WAIT toward the target are the ones it cannot use again yet.
 */
export function measurePressure(
  sockets: readonly SocketEntry[],
  range: PortPressure["range"],
  addresses: readonly string[],
  port: number,
): PortPressure {
  const toward = sockets.filter((s) => s.remotePort === port && addresses.includes(s.remoteAddress));
  const timeWait = toward.filter((s) => s.state === "TIME_WAIT").length;
  const established = toward.filter((s) => s.state === "ESTABLISHED").length;
  const usedShare = range ? Math.min(1, (timeWait + established) / range.size) : 0;
  return { ...(range ? { range } : {}), timeWait, established, usedShare };
}

export async function readPortRange(procRoot = "/proc"): Promise<PortPressure["range"]> {
  const text = await readFile(`${procRoot}/sys/net/ipv4/ip_local_port_range`, "utf8").catch(() => "");
  return parsePortRange(text);
}
