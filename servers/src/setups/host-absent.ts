import { oneRuleTable } from "../firewall.ts";
import { answerOrSilence, type Lab, routedPair, serve, startLab, webOnLan } from "../netns/index.ts";
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

/**
 * Behind a router: the client (198.18.1.1) dials 198.18.2.3 through its router; the server is up
 * at .2 and nobody has .3. The router's own ARP for .3 goes unanswered. By default the router
 * stays silent, as a provider that filters ICMP does (its outgoing destination-unreachable is
 * dropped), so the client's SYNs meet nothing: the kernel's ETIMEDOUT, undici's connect timeout.
 * With `router: "answers"` it is a plain Linux router: once its ARP gives up (~3 s) it sends the
 * client ICMP host-unreachable, which in SYN_SENT is fatal: EHOSTUNREACH, as on the LAN.
 */
async function behindRouter(lab: Lab, serverHost: number, params: Readonly<Record<string, unknown>>) {
  const { client, router, server } = await routedPair(lab, "router", serverHost);
  await answerOrSilence(
    router,
    params.router === "answers",
    // Its own ICMP errors, generated locally, pass the output hook: dropped there, nothing leaves.
    oneRuleTable("connlab_icmp_filter", "output", "icmp type destination-unreachable drop"),
  );
  const port = await serve(lab, server, "web");
  return { target: { url: `http://198.18.2.3:${port}/`, netns: client } };
}

export const hostAbsentRouted: Setup = {
  name: "host-absent-routed",
  tier: "lab-root",
  describe:
    "nobody has 198.18.2.3 behind the client's router: the router stays silent (timeout), or with router=answers sends ICMP host-unreachable after ~3 s",
  start: (params) => startLab((lab) => behindRouter(lab, 2, params)),
};

/** The fix: the host at 198.18.2.3 is up behind the same router. */
export const hostPresentRouted: Setup = {
  name: "host-present-routed",
  tier: "lab-root",
  describe: "the server at 198.18.2.3 is up behind the router: the handshake completes",
  start: (params) => startLab((lab) => behindRouter(lab, 3, params)),
};
