import { readFileSync } from "node:fs";
import { join } from "node:path";
import dns2 from "dns2";
import type { Resolver } from "../target.ts";

const { Packet } = dns2;

/** Addresses the server gives for one name, in the order it lists them. */
export interface Answers {
  readonly a?: readonly string[];
  readonly aaaa?: readonly string[];
}

export interface RunningDns extends Resolver {
  close(): Promise<void>;
}

const tlsDir = join(import.meta.dirname, "..", "tls");

/**
 * A real DNS server on loopback (dns2): UDP for Node clients and DNS-over-HTTPS for curl, whose
 * Debian build has no way to point its resolver at a port but speaks DoH. Names it does not
 * know get NXDOMAIN. The DoH side uses the lab's self-signed certificate (tls/).
 */
export async function startDns(zone: Readonly<Record<string, Answers>>): Promise<RunningDns> {
  const server = dns2.createServer({
    udp: true,
    doh: {
      ssl: true,
      key: readFileSync(join(tlsDir, "lab-key.pem")),
      cert: readFileSync(join(tlsDir, "lab-cert.pem")),
    },
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
  // dns2 passes port 0 options whole: udp's to dgram (address), doh's to http.Server#listen,
  // which wants `host`; its types know neither spelling, hence the casts.
  await server.listen({
    udp: { port: 0, address: "127.0.0.1", type: "udp4" } as { port: number },
    doh: { port: 0, host: "127.0.0.1" } as { port: number },
  });
  const { udp, doh } = server.addresses();
  return {
    dns: `127.0.0.1:${udp?.port}`,
    doh: `https://127.0.0.1:${doh?.port}/dns-query`,
    close: async () => {
      await server.close();
    },
  };
}
