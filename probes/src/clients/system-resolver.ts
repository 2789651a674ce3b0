import dns, { type LookupAddress, type LookupOptions } from "node:dns";
import { Resolver } from "node:dns/promises";
import { isIP } from "node:net";
import type { Target } from "@connlab/servers";

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** The `lookup` signature node:net, node:http and ws accept as an option. */
export type Lookup = (
  hostname: string,
  options: LookupOptions | number | LookupCallback,
  callback?: LookupCallback,
) => void;

/**
 * Makes this process resolve names through the lab's DNS server, as if the machine's resolver
 * pointed at it. It replaces `dns.lookup`, which fetch (undici) calls and offers no option to
 * change, so it is only ever done in a probe's own child process (see own-process.ts).
 */
export function useLabResolver(server: string): void {
  (dns as { lookup: unknown }).lookup = labLookup(server);
}

/** The answers a name may really have: none of this family (ENODATA) or no such name (ENOTFOUND). */
const noSuchRecord = new Set(["ENODATA", "ENOTFOUND"]);

/**
 * A `dns.lookup` that asks the lab's DNS server (AAAA and A) instead of getaddrinfo. Addresses
 * come back IPv6 first, as getaddrinfo sorts them (RFC 6724) on a host that has ::1. The
 * resolver keeps c-ares's own timers (no shortened timeout of ours), and a lab DNS that did not
 * answer is reported as such (ETIMEOUT, ECONNREFUSED…), never as a name that does not exist:
 * no cut-off of the lab's becomes a client's ENOTFOUND.
 */
export function labLookup(server: string): Lookup {
  const resolver = new Resolver();
  resolver.setServers([server]);
  return (hostname: string, options: LookupOptions | number | LookupCallback, cb?: LookupCallback) => {
    const callback = (typeof options === "function" ? options : cb) as LookupCallback;
    const opts: LookupOptions = typeof options === "object" ? options : { family: Number(options) || 0 };
    const family = opts.family === "IPv4" ? 4 : opts.family === "IPv6" ? 6 : (opts.family ?? 0);
    let unanswered: NodeJS.ErrnoException | undefined;
    const ask = (wanted: 4 | 6) =>
      (wanted === 6 ? resolver.resolve6(hostname) : resolver.resolve4(hostname)).then(
        (addresses) => addresses.map((address) => ({ address, family: wanted })),
        (error: NodeJS.ErrnoException) => {
          if (!noSuchRecord.has(error.code ?? "")) unanswered = error;
          return [];
        },
      );
    Promise.all([family === 4 ? [] : ask(6), family === 6 ? [] : ask(4)]).then(([v6, v4]) => {
      const all: LookupAddress[] = [...v6, ...v4];
      const first = all[0];
      if (unanswered) callback(unanswered, opts.all ? [] : "");
      else if (!first) {
        const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
        error.code = "ENOTFOUND";
        callback(error, opts.all ? [] : "");
      } else if (opts.all) callback(null, all);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * What the lab's DNS answers for a name a browser is to reach: its IPv4 address, or undefined
 * when the name does not exist. A browser cannot be pointed at a DNS server on a port, so its
 * answer becomes the browser's own mapping (recorded). A lab DNS that did not answer rejects
 * (a failed run, not a row).
 */
export function labAnswer(server: string, hostname: string): Promise<string | undefined> {
  return new Promise((resolve, reject) =>
    labLookup(server)(hostname, { family: 4 }, (error, found) => {
      if (!error) resolve(String(found));
      else if (error.code === "ENOTFOUND") resolve(undefined);
      else reject(error);
    }),
  );
}

/**
 * The target's host when the lab's DNS stands for the machine's resolver and a browser must be
 * told its answer: not `localhost` nor a literal address, which a browser resolves itself
 * (localhost to both loopback addresses).
 */
export function nameForLabDns(target: Target): string | undefined {
  const host = new URL(target.url).hostname;
  if (!target.resolver || host === "localhost" || isIP(host.replace(/^\[|\]$/g, "")) !== 0) return undefined;
  return host;
}
