import { startWeb } from "../apps/web.ts";
import { unusedPort } from "../free-port.ts";
import type { Setup } from "../setup.ts";

/**
 * The server listens on 127.0.0.1:PORT; the client dials another port of the same host, where
 * nothing listens, so the kernel answers its SYN with a RST (ECONNREFUSED).
 */
export const wrongPort: Setup = {
  name: "wrong-port",
  tier: "lab",
  describe: "server on 127.0.0.1:PORT, client dials 127.0.0.1:OTHER; SYN answered by RST",
  start: async () => {
    const server = await startWeb({ host: "127.0.0.1" });
    const other = await unusedPort();
    return { target: { url: `http://127.0.0.1:${other}/` }, close: () => server.close() };
  },
};
