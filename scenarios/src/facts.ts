/**
 * Facts about the scenarios that several packages act on, kept once: the lab, the docker stack,
 * the workshop and the tests read them here.
 */

/** The bound each client attempt is given in a lab run: it gives up within 2 s. */
export const attemptBoundMs = 2_000;

/**
 * The bound for a client that must meet the kernel's own ARP failure: with Linux's defaults
 * (3 unanswered "who has" probes, 1 s apart) the connect fails with EHOSTUNREACH after about
 * 3 s, so a 2 s bound would cut it off first, and clients that start later would find the
 * neighbour entry already FAILED. Well past 3 s, every client sees the kernel's answer.
 */
export const attemptBoundPastArpMs = 6_000;

/**
 * The bound for every client of a run: past ARP's failure when any client is declared to meet
 * it (EHOSTUNREACH), so that none is cut off first; otherwise the usual 2 s.
 */
export function attemptBoundFor(expectations: readonly { readonly code: string }[]): number {
  return expectations.some((e) => e.code === "EHOSTUNREACH") ? attemptBoundPastArpMs : attemptBoundMs;
}

/**
 * Where the small client port ranges of the addrnotavail scenarios start
 * (net.ipv4.ip_local_port_range = "40000 40000+size-1").
 */
export const portRangeStart = 40_000;

/** A client port range of `size` ports from portRangeStart, as sysctl writes it. */
export function smallPortRange(size: number): string {
  return `${portRangeStart} ${portRangeStart + size - 1}`;
}
