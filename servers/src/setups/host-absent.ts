import { startLab, webOnLan } from "../netns/index.ts";
import type { Setup } from "../setup.ts";

/**
 * 198.18.0.3 is in the client's subnet but no host has it: the client's ARP "who has" gets no
 * reply, so no SYN ever leaves. Past ~3 s of unanswered ARP the kernel fails the connect with
 * EHOSTUNREACH ("No route to host"), in every client.
 */
export const hostAbsent: Setup = {
  name: "host-absent",
  tier: "lab-root",
  describe: "nobody has 198.18.0.3 on the LAN: ARP goes unanswered, EHOSTUNREACH after ~3 s",
  // The app runs on .2; the client was given .3, which nobody has.
  start: () => startLab((lab) => webOnLan(lab, { server: 2, dialled: 3 })),
};

/** The fix: the host at 198.18.0.3 is up and serving. */
export const hostPresent: Setup = {
  name: "host-present",
  tier: "lab-root",
  describe: "the server at 198.18.0.3 is up: the handshake completes",
  start: () => startLab((lab) => webOnLan(lab, { server: 3, dialled: 3 })),
};
