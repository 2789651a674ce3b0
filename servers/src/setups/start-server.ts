import { startWeb } from "../apps/web.ts";
import type { Setup } from "../setup.ts";

/** The fix for a missing listener: the healthy HTTP server, started on the port. */
export const startServer: Setup = {
  name: "start-server",
  tier: "lab",
  describe: "the healthy HTTP server listens on 127.0.0.1:PORT",
  start: async () => {
    const server = await startWeb({ host: "127.0.0.1" });
    return { target: { url: `http://127.0.0.1:${server.port}/` }, close: () => server.close() };
  },
};
