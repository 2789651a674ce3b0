import { startFastifyWs } from "../apps/fastify-ws.ts";
import { trustFile } from "../lab-ca.ts";
import type { RunningSetup } from "../setup.ts";
import type { Certificate } from "../tls-certificate.ts";

/**
 * The healthy HTTPS/WSS app on 127.0.0.1 presenting `chain` (its key is the first
 * certificate's), and a `wss://` URL. With `trust`, the client is given that CA as a user adds
 * one; without, it has only its defaults, which never include the lab's CA.
 */
export async function tlsServer(
  chain: { key: string; certs: readonly Certificate[] },
  trust?: { ca: Certificate; keys: readonly Certificate[] },
): Promise<RunningSetup> {
  const server = await startFastifyWs({
    host: "127.0.0.1",
    tls: { key: chain.key, cert: chain.certs.map((c) => c.cert).join("") },
  });
  const trusted = trust ? await trustFile(trust.ca, trust.keys) : undefined;
  let closing: Promise<void> | undefined;
  return {
    target: { url: `wss://127.0.0.1:${server.port}/`, ...(trusted ? { trust: trusted.trust } : {}) },
    close: () => {
      closing ??= Promise.all([server.close(), trusted?.remove()]).then(() => {});
      return closing;
    },
  };
}
