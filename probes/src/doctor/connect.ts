// The connect alone, not the whole lab: the doctor starts fast.
import { connectBounded } from "@connlab/servers/connect";

/** What a bare TCP connect ended with, in the terms the guide uses. */
export const connectOutcomes = [
  "connected",
  "refused",
  "timeout",
  "host-unreachable",
  "network-unreachable",
  "address-not-available",
  "error",
] as const;
export type ConnectOutcome = (typeof connectOutcomes)[number];

export interface ConnectResult {
  readonly address: string;
  readonly port: number;
  readonly outcome: ConnectOutcome;
  /** The OS code (ECONNREFUSED …), ETIMEDOUT for our own bound, "OK" when connected. */
  readonly code: string;
  readonly elapsedMs: number;
}

const outcomeByCode: Record<string, ConnectOutcome> = {
  ECONNREFUSED: "refused", // the peer (or a firewall rejecting with RST/ICMP port-unreachable) said no
  ETIMEDOUT: "timeout", // SYNs went unanswered
  EHOSTUNREACH: "host-unreachable", // ICMP host-unreachable/prohibited, or ARP got no answer
  ENETUNREACH: "network-unreachable", // no route to that network from here
  EADDRNOTAVAIL: "address-not-available", // no free local (ephemeral) port, or a bad source address
};

/**
 * One TCP handshake to one address, bounded by `timeoutMs` (the kernel alone would retry SYNs
 * for about two minutes). Only the connect is measured; the socket is closed right away.
 */
export async function tcpConnect(address: string, port: number, timeoutMs: number): Promise<ConnectResult> {
  const result = await connectBounded({ host: address, port, timeoutMs });
  if (result.ok) result.socket.destroy();
  const code = result.ok ? "OK" : result.code;
  const outcome: ConnectOutcome = result.ok ? "connected" : (outcomeByCode[code] ?? "error");
  return { address, port, outcome, code, elapsedMs: result.elapsedMs };
}
