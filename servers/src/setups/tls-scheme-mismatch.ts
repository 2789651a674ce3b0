import { z } from "zod";
import { startFastifyWs } from "../apps/fastify-ws.ts";
import type { Setup } from "../setup.ts";
import { selfSignedCertificate } from "../tls-certificate.ts";
import { running } from "./listening.ts";
import { parseParams } from "./params.ts";

const Params = z.object({ client: z.enum(["tls", "plain"]).default("tls") }).strict();

/**
 * TLS on one side only. `client: "tls"`: a plain HTTP/WebSocket server and a `wss://` URL, so the
 * server reads a TLS ClientHello as HTTP and answers `400 Bad Request` in clear text, which the
 * client's TLS layer rejects. `client: "plain"`: the same app behind TLS (self-signed certificate
 * made now) and a `ws://` URL, so the TLS server reads "GET / HTTP/1.1" as a bad record.
 */
export const tlsSchemeMismatch: Setup = {
  name: "tls-scheme-mismatch",
  tier: "lab",
  describe: "wss:// against a plain HTTP/WebSocket port on 127.0.0.1 (or ws:// against a TLS one)",
  start: async (params) => {
    const { client } = parseParams("tls-scheme-mismatch", Params, params);
    if (client === "tls") {
      const server = await startFastifyWs({ host: "127.0.0.1" });
      return running(`wss://127.0.0.1:${server.port}/`, [server]);
    }
    const server = await startFastifyWs({ host: "127.0.0.1", tls: await selfSignedCertificate() });
    return running(`ws://127.0.0.1:${server.port}/`, [server]);
  },
};
