import { startLab, webOnLan } from "../netns/index.ts";
import type { Setup } from "../setup.ts";

/**
 * refused-wrong-host on a real LAN (root variant of the rootless wrong-host): the app runs on
 * 198.18.0.2, the client targets 198.18.0.4, another machine that is up but does not serve the
 * port; its kernel answers the SYN with RST.
 */
export const wrongHostLan: Setup = {
  name: "wrong-host-lan",
  tier: "lab-root",
  describe: "client targets 198.18.0.4, a host without the app: RST",
  start: () => startLab((lab) => webOnLan(lab, { server: 2, dialled: 4, others: [4] })),
};

/** The fix: the right host. */
export const rightHostLan: Setup = {
  name: "right-host-lan",
  tier: "lab-root",
  describe: "client targets the app's host 198.18.0.2: connected",
  start: () => startLab((lab) => webOnLan(lab, { server: 2, dialled: 2 })),
};
