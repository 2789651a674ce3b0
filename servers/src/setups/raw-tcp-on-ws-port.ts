import { z } from "zod";
import { startNet } from "../apps/net.ts";
import { startSilentClose } from "../apps/silent-close.ts";
import type { Setup } from "../setup.ts";
import { running } from "./listening.ts";
import { parseParams } from "./params.ts";

const Params = z.object({ silent: z.boolean().default(false) }).strict();

/**
 * A line-protocol TCP server where the client expects WebSocket: the answer to the HTTP upgrade
 * is "HELLO connlab\n" and the request echoed back, not an HTTP status line. With `silent`,
 * the server closes (FIN) without sending a byte.
 */
export const rawTcpOnWsPort: Setup = {
  name: "raw-tcp-on-ws-port",
  tier: "lab",
  describe: "a raw TCP line protocol on 127.0.0.1:PORT answers the upgrade with a non-HTTP greeting",
  start: async (params) => {
    const { silent } = parseParams("raw-tcp-on-ws-port", Params, params);
    const server = silent
      ? await startSilentClose({ host: "127.0.0.1" })
      : await startNet({ host: "127.0.0.1" });
    return running(`ws://127.0.0.1:${server.port}/`, [server]);
  },
};
