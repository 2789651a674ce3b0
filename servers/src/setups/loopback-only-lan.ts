import { startLab, webOnLan } from "../netns/index.ts";
import type { Setup } from "../setup.ts";

/**
 * refused-loopback-only with a real LAN address (root variant of the rootless listen-loopback):
 * the server listens on 127.0.0.1 only; a client on the LAN targets 198.18.0.2, where nothing
 * listens on the port, so the server's kernel answers RST. Fixed by listening on 0.0.0.0.
 */
export const listenLoopbackLan: Setup = {
  name: "listen-loopback-lan",
  tier: "lab-root",
  describe: "server listens on 127.0.0.1 only; the LAN client targets 198.18.0.2: RST",
  start: () => startLab((lab) => webOnLan(lab, { server: 2, dialled: 2, listenOn: "127.0.0.1" })),
};

export const listenAnyLan: Setup = {
  name: "listen-any-lan",
  tier: "lab-root",
  describe: "server listens on 0.0.0.0; the LAN client reaches 198.18.0.2: connected",
  start: () => startLab((lab) => webOnLan(lab, { server: 2, dialled: 2, listenOn: "0.0.0.0" })),
};
