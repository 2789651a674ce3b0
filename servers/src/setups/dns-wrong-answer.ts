import type { Setup } from "../setup.ts";
import { serveBehindDns } from "./dns-answer.ts";

/**
 * DNS answers `app.connlab.test A 127.0.0.3`, a host that is up but where nothing listens on
 * the port; the server is on 127.0.0.1. The client's SYN to 127.0.0.3 gets a RST. Node clients
 * ask the lab's DNS server over UDP, curl over DNS-over-HTTPS (--doh-url).
 */
export const dnsWrongAnswer: Setup = {
  name: "dns-wrong-answer",
  tier: "lab",
  describe: "DNS says app.connlab.test is 127.0.0.3, server is on 127.0.0.1; RST from .3",
  start: () => serveBehindDns("127.0.0.3"),
};
