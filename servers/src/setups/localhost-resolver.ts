import { startDns } from "../apps/dns.ts";
import { startWeb } from "../apps/web.ts";
import type { RunningSetup } from "../setup.ts";

/**
 * The server on `host` and a resolver that answers `localhost` as most machines' /etc/hosts
 * does (`::1` and `127.0.0.1`, IPv6 first by RFC 6724). This machine's own hosts file may lack
 * `::1 localhost`, and the lab may not edit it, so Node clients resolve through the lab's DNS
 * server. curl never asks: it resolves `localhost` itself to both addresses (RFC 6761).
 */
export async function serveForLocalhost(host: string): Promise<RunningSetup> {
  const server = await startWeb({ host });
  const dns = await startDns({ localhost: { aaaa: ["::1"], a: ["127.0.0.1"] } });
  return {
    target: { url: `http://localhost:${server.port}/`, resolver: { dns: dns.dns, doh: dns.doh } },
    close: async () => {
      await Promise.all([server.close(), dns.close()]);
    },
  };
}
