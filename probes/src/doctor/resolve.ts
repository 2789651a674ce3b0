import { lookup } from "node:dns/promises";
import { bounded } from "./bounded.ts";
import type { DoctorTarget } from "./target.ts";

/** getaddrinfo by default; tests pass their own to stand in for an /etc/hosts they may not edit. */
export type LookupAll = (host: string) => Promise<readonly { address: string; family: number }[]>;

const systemLookup: LookupAll = (host) => lookup(host, { all: true, order: "verbatim" });

export interface Resolution {
  /** Every A/AAAA answer in the resolver's order (what `getaddrinfo` gives, /etc/hosts included). */
  readonly addresses: readonly { address: string; family: 4 | 6 }[];
  /** ENOTFOUND, EAI_AGAIN, ETIMEDOUT (ours), … when the name did not resolve. */
  readonly error?: string;
}

/**
 * Resolves like the clients do: getaddrinfo with the order it returns (Node >= 17 keeps it, so
 * `localhost` often gives ::1 first). getaddrinfo cannot be cancelled; the bound only stops waiting.
 */
export async function resolveTarget(
  target: DoctorTarget,
  timeoutMs: number,
  lookupAll: LookupAll = systemLookup,
): Promise<Resolution> {
  if (target.ipVersion !== 0) return { addresses: [{ address: target.host, family: target.ipVersion }] };
  const work = lookupAll(target.host).then(
    (answers): Resolution => ({
      addresses: answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })),
    }),
    (error: NodeJS.ErrnoException): Resolution => ({ addresses: [], error: error.code ?? error.message }),
  );
  return bounded(work, timeoutMs, () => ({ addresses: [], error: "ETIMEDOUT" }));
}
