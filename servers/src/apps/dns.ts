import dns2 from "dns2";
import type { Resolver } from "../target.ts";
import { selfSignedCertificate } from "../tls-certificate.ts";

const { Packet } = dns2;

/** Addresses the server gives for one name, in the order it lists them. */
export interface Answers {
  readonly a?: readonly string[];
  readonly aaaa?: readonly string[];
}

export interface RunningDns extends Resolver {
  /** The UDP port, for clients given `host:port`. */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A real DNS server (dns2) on `host` (default 127.0.0.1): UDP for Node clients and, unless
 * `doh: false`, DNS-over-HTTPS for curl, whose Debian build has no way to point its resolver at
 * a port but speaks DoH. Names it does not know get NXDOMAIN; a known name with no address of
 * the asked type gets an empty answer (NODATA). The DoH side uses an in-memory self-signed
 * certificate.
 */
export async function startDns(
  zone: Readonly<Record<string, Answers>>,
  options: { host?: string; port?: number; doh?: boolean } = {},
): Promise<RunningDns> {
  const host = options.host ?? "127.0.0.1";
  const withDoh = options.doh ?? true;
  const tls = withDoh ? await selfSignedCertificate() : undefined;
  const server = dns2.createServer({
    udp: true,
    ...(tls ? { doh: { ssl: true, key: tls.key, cert: tls.cert } } : {}),
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      for (const question of request.questions) {
        const answers = zone[question.name.toLowerCase()];
        if (!answers) {
          response.header.rcode = Packet.RCODE.NXDOMAIN;
          continue;
        }
        const [type, addresses] =
          question.type === Packet.TYPE.AAAA ? [Packet.TYPE.AAAA, answers.aaaa] : [Packet.TYPE.A, answers.a];
        if (question.type !== Packet.TYPE.A && question.type !== Packet.TYPE.AAAA) continue;
        for (const address of addresses ?? []) {
          // dns2's types want a parsed Resource; its encoder takes the plain record (see its README).
          const record = { name: question.name, type, class: Packet.CLASS.IN, ttl: 1, address };
          response.answers.push(record as unknown as (typeof response.answers)[number]);
        }
      }
      send(response);
    },
  });
  // dns2 passes port options whole: udp's to dgram (address), doh's to http.Server#listen,
  // which wants `host`; its types know neither spelling, hence the casts.
  await server.listen({
    udp: { port: options.port ?? 0, address: host, type: host.includes(":") ? "udp6" : "udp4" } as {
      port: number;
    },
    ...(withDoh ? { doh: { port: 0, host } as { port: number } } : {}),
  });
  const { udp, doh } = server.addresses();
  const udpPort = udp?.port ?? 0;
  return {
    port: udpPort,
    dns: `${host}:${udpPort}`,
    doh: withDoh ? `https://${host}:${doh?.port}/dns-query` : "",
    close: async () => {
      await server.close();
    },
  };
}
