import { join } from "node:path";
import { sh } from "./exec.ts";
import type { Lab } from "./lab.ts";
import { addRoute, cable } from "./link.ts";
import { setSysctl } from "./namespace.ts";
import { applyRuleset } from "./nft.ts";

/**
 * Lab addresses come from 198.18.0.0/15 (RFC 2544, benchmarking), used only inside the lab's
 * own namespaces: nothing routes them to or from the host.
 */
export const subnet = "198.18.0";

export interface Member {
  readonly role: string;
  /** Host part of the address on the LAN: 1 → 198.18.0.1/24. */
  readonly host: number;
}

/**
 * A switched LAN: one namespace per member plus a `switch` namespace holding a bridge, each
 * member cabled to it as `eth0` with 198.18.0.<host>/24. Returns the members' namespaces by role.
 */
export async function lan(lab: Lab, members: readonly Member[]): Promise<Record<string, string>> {
  const sw = await lab.host("switch");
  await sh("ip", ["-n", sw, "link", "add", "br0", "type", "bridge"]);
  await sh("ip", ["-n", sw, "link", "set", "br0", "up"]);
  const hosts: Record<string, string> = {};
  for (const [i, member] of members.entries()) {
    const netns = await lab.host(member.role);
    hosts[member.role] = netns;
    await cable(
      { netns, ifname: "eth0", cidr: `${subnet}.${member.host}/24` },
      { netns: sw, ifname: `port${i}` },
    );
    await sh("ip", ["-n", sw, "link", "set", `port${i}`, "master", "br0"]);
  }
  return hosts;
}

/** A router between two point-to-point links: forwarding on in its namespace only. */
export async function router(lab: Lab, role: string): Promise<string> {
  const netns = await lab.host(role);
  await setSysctl(netns, "net.ipv4.ip_forward", "1");
  return netns;
}

/**
 * What a router does when it cannot deliver: with `answers`, what Linux does (ICMP errors back to
 * the sender), with its per-peer rate limit (icmp_ratelimit, 1 per second) lifted so that every
 * client of a concurrent run hears it, not only the first; else it loads `silence`, the nftables
 * ruleset that keeps it quiet.
 */
export async function answerOrSilence(netns: string, answers: boolean, silence: string): Promise<void> {
  if (answers) await setSysctl(netns, "net.ipv4.icmp_ratelimit", "0");
  else await applyRuleset(netns, silence);
}

/**
 * Two networks joined by a router, the shape of any client reaching a server across the
 * internet: client 198.18.1.1 — router (198.18.1.254 | 198.18.2.254) — server 198.18.2.2 (or
 * 198.18.2.<serverHost>), each end's default route through the router. What the router does to
 * the traffic is the scenario's.
 */
export async function routedPair(
  lab: Lab,
  routerRole: string,
  /** The server's host part on its network (default 2: 198.18.2.2). */
  serverHost = 2,
): Promise<{ client: string; router: string; server: string }> {
  const client = await lab.host("client");
  const middle = await router(lab, routerRole);
  const server = await lab.host("server");
  await cable(
    { netns: client, ifname: "eth0", cidr: "198.18.1.1/24" },
    { netns: middle, ifname: "eth0", cidr: "198.18.1.254/24" },
  );
  await cable(
    { netns: middle, ifname: "eth1", cidr: "198.18.2.254/24" },
    { netns: server, ifname: "eth0", cidr: `198.18.2.${serverHost}/24` },
  );
  await addRoute(client, "default", "198.18.1.254");
  await addRoute(server, "default", "198.18.2.254");
  return { client, router: middle, server };
}

/** The narrow link's MTU: IPv6's minimum, what many tunnels and VPNs settle on. */
export const narrowLinkMtu = 1280;

/**
 * A path with a narrow link in the middle (a tunnel, a VPN, a PPPoE line): client 198.18.1.1 —
 * edge (198.18.1.254 | 198.18.3.1) — a link of `narrowLinkMtu` bytes — far router (198.18.3.2 |
 * 198.18.2.254) — server 198.18.2.2. Both ends sit on 1500-byte Ethernet, so each announces an
 * MSS of 1460 and neither knows of the narrow link: only the edge, which cannot forward a
 * larger packet with DF set, does, and says so with ICMP "fragmentation needed" unless the
 * scenario silences it.
 */
export async function narrowPath(lab: Lab): Promise<{ client: string; edge: string; server: string }> {
  const client = await lab.host("client");
  const edge = await router(lab, "edge");
  const far = await router(lab, "far");
  const server = await lab.host("server");
  await cable(
    { netns: client, ifname: "eth0", cidr: "198.18.1.1/24" },
    { netns: edge, ifname: "eth0", cidr: "198.18.1.254/24" },
  );
  await cable(
    { netns: edge, ifname: "eth1", cidr: "198.18.3.1/30", mtu: narrowLinkMtu },
    { netns: far, ifname: "eth0", cidr: "198.18.3.2/30", mtu: narrowLinkMtu },
  );
  await cable(
    { netns: far, ifname: "eth1", cidr: "198.18.2.254/24" },
    { netns: server, ifname: "eth0", cidr: "198.18.2.2/24" },
  );
  await addRoute(client, "default", "198.18.1.254");
  await addRoute(edge, "198.18.2.0/24", "198.18.3.2");
  await addRoute(far, "198.18.1.0/24", "198.18.3.1");
  await addRoute(server, "default", "198.18.2.254");
  return { client, edge, server };
}

/**
 * A LAN with the client on .1, the app's web server on `.server` (listening on `listenOn`,
 * 0.0.0.0 unless the fault is the bind address; `stall`: its process blocked once listening),
 * and any other hosts that are up without the app; the client dials `.dialled`, which may be the
 * server, another host, or an address nobody has, or a name its /etc/hosts gives (the setup
 * writes it). Returns the target and the hosts' namespaces by role.
 */
export async function webOnLan(
  lab: Lab,
  layout: {
    server: number;
    dialled: number | string;
    others?: readonly number[];
    listenOn?: string;
    stall?: boolean;
  },
): Promise<{ target: { url: string; netns: string }; hosts: Record<string, string> }> {
  const hosts = await lan(lab, [
    { role: "client", host: 1 },
    { role: "server", host: layout.server },
    ...(layout.others ?? []).map((host, i) => ({ role: `other${i || ""}`, host })),
  ]);
  const port = await serve(lab, hosts.server ?? "", "web", {
    ...(layout.listenOn ? { host: layout.listenOn } : {}),
    ...(layout.stall ? { stall: true } : {}),
  });
  const dialled = typeof layout.dialled === "number" ? `${subnet}.${layout.dialled}` : layout.dialled;
  return { target: { url: `http://${dialled}:${port}/`, netns: hosts.client ?? "" }, hosts };
}

const serveMain = join(import.meta.dirname, "..", "bin", "serve-in-lab.ts");

/**
 * Starts the healthy web app over TLS (HTTPS and WSS on one port) inside a host; resolves to its
 * port and the certificate of the CA that issued its certificate, made in that process.
 */
export async function serveOverTls(lab: Lab, netns: string): Promise<{ port: number; ca: string }> {
  const child = await lab.spawn<{ port: number; ca: string }>(netns, serveMain, ["--app", "wss"]);
  return child.ready;
}

/**
 * Starts a healthy app inside a host; resolves to the port it listens on. `web` answers HTTP and
 * echoes WebSocket on one port, so every client (a browser's WebSocket too) meets the same server.
 * `stall`: the app's process blocks its event loop once listening (bin/serve-in-lab.ts).
 */
export async function serve(
  lab: Lab,
  netns: string,
  app: "http" | "web" | "ws" | "net" | "dns",
  options: { host?: string; port?: number; records?: Readonly<Record<string, string>>; stall?: boolean } = {},
): Promise<number> {
  const args = ["--app", app, "--host", options.host ?? "0.0.0.0", "--port", String(options.port ?? 0)];
  if (options.stall) args.push("--stall");
  for (const [name, address] of Object.entries(options.records ?? {}))
    args.push("--record", `${name}=${address}`);
  const child = await lab.spawn<{ port: number }>(netns, serveMain, args);
  return child.ready.port;
}
