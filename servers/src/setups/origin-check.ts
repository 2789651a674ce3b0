import type { VerifyClientCallbackAsync } from "ws";
import { startWs } from "../apps/ws.ts";
import type { Setup } from "../setup.ts";
import { running } from "./listening.ts";

/** The one origin the broken server allows: the production site, not the page the reader runs. */
export const productionOrigin = "https://app.connlab.test";

/** A page served from this machine while developing: http://localhost:PORT, http://127.0.0.1:PORT. */
const localDevOrigin = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

/**
 * An allow-list as people write it with ws's `verifyClient` (and fastify's form, which hands
 * the same hook to ws): the Origin header a browser sent, checked against a list. A refusal
 * is `403 Forbidden` on the upgrade (the callback form; the one-argument form answers 401).
 */
function allowList(allowed: (origin: string | undefined) => boolean): VerifyClientCallbackAsync {
  return ({ origin }, callback) => (allowed(origin) ? callback(true) : callback(false, 403));
}

/**
 * The fault: only the production origin. A page on any other origin is refused, and so is a
 * client that sends no Origin at all (ws, curl) since `undefined` is not on the list.
 */
export const originNotAllowed: Setup = {
  name: "origin-not-allowed",
  tier: "lab",
  describe: `ws on 127.0.0.1:PORT allows only Origin ${productionOrigin}: any other page (or none) gets 403`,
  start: async () => {
    const server = await startWs({
      host: "127.0.0.1",
      handshake: { verifyClient: allowList((origin) => origin === productionOrigin) },
    });
    return running(`ws://127.0.0.1:${server.port}/`, [server]);
  },
};

/**
 * The fix: the pages that really open the socket are on the list (here the local development
 * origins beside production), and a request with no Origin passes: only browsers send one, and
 * the check protects browser users (cross-site WebSocket hijacking); any other client could
 * send whatever Origin it liked.
 */
export const originAllowed: Setup = {
  name: "origin-allowed",
  tier: "lab",
  describe: "ws on 127.0.0.1:PORT allows production, local development origins and non-browser clients",
  start: async () => {
    const server = await startWs({
      host: "127.0.0.1",
      handshake: {
        verifyClient: allowList(
          (origin) => origin === undefined || origin === productionOrigin || localDevOrigin.test(origin),
        ),
      },
    });
    return running(`ws://127.0.0.1:${server.port}/`, [server]);
  },
};
