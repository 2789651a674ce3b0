import { startLab, webOnLan } from "../netns/index.ts";
import type { Setup } from "../setup.ts";
import { load } from "./port-range.ts";

/**
 * `hold`: connections the client side opens and holds before the clients run (the declaration
 * says 600: more than Node's listen backlog of 511, under net.core.somaxconn's 4096, so a server
 * that accepts nothing has its queue full; a bounded load either way). The docker stack's
 * client container holds as many (docker/src/prepare.ts).
 */
function heldConnections(params: Readonly<Record<string, unknown>>): number {
  const hold = Number(params.hold ?? 600);
  if (!Number.isInteger(hold) || hold < 1 || hold > 2_000) throw new Error("hold must be 1…2000 connections");
  return hold;
}

/**
 * Client 198.18.0.1 and the web server 198.18.0.2 on a LAN. Another process on the client holds
 * connections to the server, one by one, until one fails or all are open. `stall`: the server's
 * process has blocked its event loop once listening, so the kernel queues handshakes in its
 * listen backlog (511 + 1) and then drops every SYN: the clients' own SYNs go unanswered.
 */
function busyServer(stall: boolean, params: Readonly<Record<string, unknown>>) {
  return startLab(async (lab) => {
    const { target, hosts } = await webOnLan(lab, { server: 2, dialled: 2, stall });
    const port = Number(new URL(target.url).port);
    const held = await load(lab, target.netns, port, "hold", heldConnections(params));
    return { target, hosts, facts: { held: held.done, heldError: held.error } };
  });
}

export const stalledServer: Setup = {
  name: "stalled-server",
  tier: "lab-root",
  describe:
    "the server's event loop is blocked: its listen backlog fills with held connections, then SYNs are dropped",
  start: (params) => busyServer(true, params),
};

/** The fix: the same load against a server whose event loop runs: it accepts every connection. */
export const acceptingServer: Setup = {
  name: "accepting-server",
  tier: "lab-root",
  describe: "the same held connections, the server accepting them: every client connects",
  start: (params) => busyServer(false, params),
};
