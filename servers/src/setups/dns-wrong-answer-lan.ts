import { startLab, subnet } from "../netns/index.ts";
import type { Setup } from "../setup.ts";
import { labDns } from "./dns-silent.ts";

/**
 * refused-dns-wrong-ip on a real LAN (root variant of the rootless dns-wrong-answer): the lab's
 * DNS answers app.connlab.test with 198.18.0.4, an old server that is up but does not serve the
 * port, so its kernel answers the SYN with RST. Fixed by dns-answer-fixed.
 */
export const dnsWrongAnswerLan: Setup = {
  name: "dns-wrong-answer-lan",
  tier: "lab-root",
  describe: "the lab's DNS answers app.connlab.test with 198.18.0.4, up but not serving the port: RST",
  start: () => startLab((lab) => labDns(lab, `${subnet}.4`)),
};
