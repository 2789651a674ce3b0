import { lan, serve, startLab, subnet } from "../netns/index.ts";
import type { Setup } from "../setup.ts";

/**
 * 198.18.0.3 is in the client's subnet but no host has it: the client's ARP "who has" gets no
 * reply, so no SYN ever leaves. Past ~3 s of unanswered ARP the kernel reports EHOSTUNREACH;
 * a client with a shorter bound gives up first with a timeout.
 */
export const hostAbsent: Setup = {
  name: "host-absent",
  tier: "lab-root",
  describe: "nobody has 198.18.0.3 on the LAN: ARP goes unanswered, the client times out",
  start: () =>
    startLab(async (lab) => {
      const hosts = await lan(lab, [
        { role: "client", host: 1 },
        { role: "server", host: 2 },
      ]);
      // The app runs on .2; the client was given .3, which nobody has.
      const port = await serve(lab, hosts.server ?? "", "web");
      return { target: { url: `http://${subnet}.3:${port}/`, netns: hosts.client ?? "" } };
    }),
};

/** The fix: the host at 198.18.0.3 is up and serving. */
export const hostPresent: Setup = {
  name: "host-present",
  tier: "lab-root",
  describe: "the server at 198.18.0.3 is up: the handshake completes",
  start: () =>
    startLab(async (lab) => {
      const hosts = await lan(lab, [
        { role: "client", host: 1 },
        { role: "server", host: 3 },
      ]);
      const port = await serve(lab, hosts.server ?? "", "web");
      return { target: { url: `http://${subnet}.3:${port}/`, netns: hosts.client ?? "" } };
    }),
};
