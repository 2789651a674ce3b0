import { lan, serve, startLab, subnet } from "../netns/index.ts";
import type { Setup } from "../setup.ts";
import { load } from "./port-range.ts";

/**
 * Connections the client side opens and holds before the clients run: more than Node's listen
 * backlog (511, under net.core.somaxconn's 4096), so a server that accepts nothing has its queue
 * full, and a bounded load either way.
 */
const heldConnections = 600;

/**
 * Client 198.18.0.1 and the web server 198.18.0.2 on a LAN. Another process on the client holds
 * connections to the server, one by one, until one fails or all are open. `stall`: the server's
 * process has blocked its event loop once listening, so the kernel queues handshakes in its
 * listen backlog (511 + 1) and then drops every SYN: the clients' own SYNs go unanswered.
 */
function busyServer(stall: boolean) {
  return startLab(async (lab) => {
    const hosts = await lan(lab, [
      { role: "client", host: 1 },
      { role: "server", host: 2 },
    ]);
    const client = hosts.client ?? "";
    const port = await serve(lab, hosts.server ?? "", "web", { stall });
    const held = await load(lab, client, port, "hold", heldConnections);
    return {
      target: { url: `http://${subnet}.2:${port}/`, netns: client },
      hosts,
      facts: { held: held.done, heldError: held.error },
    };
  });
}

export const stalledServer: Setup = {
  name: "stalled-server",
  tier: "lab-root",
  describe:
    "the server's event loop is blocked: its listen backlog fills with held connections, then SYNs are dropped",
  start: () => busyServer(true),
};

/** The fix: the same load against a server whose event loop runs: it accepts every connection. */
export const acceptingServer: Setup = {
  name: "accepting-server",
  tier: "lab-root",
  describe: "the same held connections, the server accepting them: every client connects",
  start: () => busyServer(false),
};
