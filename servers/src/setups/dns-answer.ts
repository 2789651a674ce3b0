import { startDns } from "../apps/dns.ts";
import { startWeb } from "../apps/web.ts";
import type { RunningSetup } from "../setup.ts";

/** The name the DNS scenarios look up; `.test` is reserved (RFC 2606), so it never leaks out. */
export const labHostname = "app.connlab.test";

/**
 * The server on 127.0.0.1:PORT and the lab's DNS server answering `app.connlab.test` with
 * `address`; clients dial the name, so what they reach is whatever DNS said.
 */
export async function serveBehindDns(address: string): Promise<RunningSetup> {
  const server = await startWeb({ host: "127.0.0.1" });
  const dns = await startDns({ [labHostname]: { a: [address] } });
  return {
    target: { url: `http://${labHostname}:${server.port}/`, resolver: { dns: dns.dns, doh: dns.doh } },
    close: async () => {
      await Promise.all([server.close(), dns.close()]);
    },
  };
}
