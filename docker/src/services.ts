import {
  dropEverySyn,
  firewallRuleset,
  firewallTable,
  ingressDrop,
  panelFirewall,
} from "@connlab/servers/firewall";

/**
 * The containers of the stack, by compose service name. Scenarios (stack.ts) refer to them; one
 * service can serve several scenarios. Every server runs a healthy app from servers/src/apps
 * through servers/src/bin/serve.ts: what breaks it is around it (bind address, firewall, DNS).
 */

/** Where the lab's apps listen inside their containers; compose files use fixed ports. */
export const appPort = 8080;

export interface App {
  readonly app: "http" | "ws" | "net" | "web" | "strip-proxy" | "userland-proxy";
  /** strip-proxy and userland-proxy only: the service and port it forwards to. */
  readonly upstream?: string;
  /** 0.0.0.0 unless the fault is the bind address. */
  readonly host?: string;
  readonly ports: readonly number[];
  /** The process blocks its event loop once listening (serve.ts --stall): it accepts nothing. */
  readonly stall?: boolean;
}

export interface Service {
  /** One line, written above the service in compose.yaml: what goes on the wire. */
  readonly describe: string;
  /** The app it serves; absent for machines that answer nothing (they only exist). */
  readonly app?: App;
  /** An nftables ruleset (servers' firewall.ts) loaded before the app starts, in the container's own namespace. */
  readonly nft?: string;
  /** Extra DNS names the stack's resolver (Docker's embedded DNS) answers with this container. */
  readonly aliases?: readonly string[];
  /** Networks other than the probe's `lab` (where it is not reachable by the probe). */
  readonly network?: "lab" | "private";
  /** Shell run before the app (e.g. to publish its address for the probe). */
  readonly before?: string;
}

export const services = {
  http: {
    describe: "the healthy HTTP server (fastify) on 0.0.0.0:8080",
    app: { app: "http", ports: [appPort] },
  },
  web: {
    describe: "the healthy web server (fastify + ws) on 0.0.0.0:8080: HTTP and WebSocket on one port",
    app: { app: "web", ports: [appPort] },
  },
  bystander: {
    describe: "another machine: it answers, but nothing listens on 8080 (RST); api.connlab.test points here",
    aliases: ["api.connlab.test"],
  },
  "not-listening": {
    describe: "the server's machine with the server stopped: every SYN to 8080 gets a RST",
  },
  "proxy-down": {
    describe: "the machine HTTP_PROXY names, where no proxy runs: port 3128 answers RST",
  },
  "loopback-only": {
    describe: "the HTTP server bound to 127.0.0.1:8080: other machines get a RST",
    app: { app: "http", host: "127.0.0.1", ports: [appPort] },
  },
  unpublished: {
    describe:
      "the web server (HTTP and WebSocket) in a container with no `ports:`: it listens in its own namespace only",
    app: { app: "web", ports: [appPort] },
  },
  "published-loopback": {
    describe:
      "the web server bound to 127.0.0.1:8080 inside its container: what docker-proxy forwards to its address gets a RST",
    app: { app: "web", host: "127.0.0.1", ports: [appPort] },
  },
  "docker-proxy": {
    describe:
      "the host's docker-proxy for published-loopback's port: it accepts on 8080, its dial to the container is refused, it closes",
    app: { app: "userland-proxy", upstream: `published-loopback:${appPort}`, ports: [appPort] },
  },
  cdn: {
    describe: "a CDN-like front that www.connlab.test resolves to: it serves port 80 only",
    app: { app: "http", ports: [80] },
    aliases: ["www.connlab.test"],
  },
  stalled: {
    describe:
      "the web server's process, blocked once listening: it accepts nothing, its backlog fills and then every SYN is dropped",
    app: { app: "web", ports: [appPort], stall: true },
  },
  "firewall-drop": {
    describe: "the HTTP server on 8080 and 8081 behind an nftables rule that drops SYNs to 8080",
    app: { app: "http", ports: [appPort, 8081] },
    nft: firewallRuleset(firewallTable("drop"), appPort),
  },
  "firewall-reject": {
    describe: "the same server behind a reject rule: SYNs to 8080 get a RST back (refused, at once)",
    app: { app: "http", ports: [appPort, 8081] },
    nft: firewallRuleset(firewallTable("reject with tcp reset"), appPort),
  },
  "security-group": {
    describe: "the HTTP server behind a drop at the network interface (netdev ingress), before the OS",
    app: { app: "http", ports: [appPort, 8081] },
    nft: ingressDrop("eth0", appPort),
  },
  "panel-firewall": {
    describe: "the system firewall accepts 8080, the panel's own table still drops it",
    app: { app: "http", ports: [appPort, 8081] },
    nft: firewallRuleset(panelFirewall.broken, appPort),
  },
  silent: {
    describe: "the old server api-old.connlab.test still points to: it drops every TCP SYN",
    aliases: ["api-old.connlab.test"],
    nft: dropEverySyn,
  },
  "internal-server": {
    describe: "the HTTP server on a private network only; it writes its address for the probe",
    app: { app: "http", ports: [appPort] },
    network: "private",
    before: "hostname -i | cut -d' ' -f1 > /addresses/internal-server",
  },
  wan: {
    describe: "the client's way out: it forwards nothing, so packets to private addresses die here",
  },
  net: {
    describe: "the healthy raw TCP line server (node:net) on 0.0.0.0:8080",
    app: { app: "net", ports: [appPort] },
  },
  "ws-only": {
    describe: "the healthy WebSocket server (ws) on 0.0.0.0:8080: plain HTTP gets 426",
    app: { app: "ws", ports: [appPort] },
  },
  "strip-proxy": {
    describe:
      "a reverse proxy on 8080 in front of ws-only that drops Upgrade/Connection: ws-only sees plain HTTP",
    app: { app: "strip-proxy", upstream: `ws-only:${appPort}`, ports: [appPort] },
  },
} as const satisfies Record<string, Service>;

export type ServiceName = keyof typeof services;
