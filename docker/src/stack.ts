/**
 * How each docker-tier scenario is reproduced in the compose stack: which services it needs,
 * where the probe connects (broken), and a control that must connect (the same servers reached
 * the documented way, proving the failure comes from the fault and not from a dead container).
 * The catalogue stays the one place for ids, clients and expected errors; this map only adds
 * the docker wiring, keyed by the catalogue's docker ids, so `tsc` names a scenario that lacks it.
 */
import {
  chromiumClosedBeforeAnswer,
  type DockerScenarioId,
  type Expectation,
  getScenario,
  smallPortRange,
} from "@connlab/scenarios";
import { proxyEnv } from "@connlab/servers/proxy-env";
import { appPort, type ServiceName } from "./services.ts";

export interface DockerTarget {
  /**
   * The URL a user would type. `{absent}` is an unused address of the probe's own network;
   * `{internal-server}` is that server's private address, read from the shared volume.
   */
  readonly url: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** A client container of its own, for scenarios that change the client's kernel settings. */
export interface ClientContainer {
  /** The client machine's environment (a proxy configured for every program on it). */
  readonly env?: Readonly<Record<string, string>>;
  readonly sysctls?: Readonly<Record<string, string>>;
  readonly capAdd?: readonly "NET_ADMIN"[];
  /**
   * What the client does before the catalogue's clients run: `hold` keeps `size` connections
   * open, `time-wait` closes `size` short ones first (leaving TIME_WAIT behind), `route-via-wan`
   * sends everything off its network to `wan`, as a home router sends it to the internet.
   */
  readonly prepare?: "hold" | "time-wait" | "route-via-wan";
  /**
   * The documented kernel fix, in a second client container (`client-<id>-fixed`): the same
   * preparation, then every client must connect. `settleMs`: TIME_WAIT reuse needs the clock to
   * pass the old connection's last timestamp second (tcp_twsk_unique in net/ipv4/tcp_ipv4.c).
   */
  readonly fixed?: { readonly sysctls: Readonly<Record<string, string>>; readonly settleMs?: number };
}

export interface DockerScenario {
  readonly services: readonly ServiceName[];
  readonly broken: DockerTarget;
  readonly control?: DockerTarget;
  /**
   * A neighbouring setup that fails differently, shown beside the scenario (a reject rule next
   * to a drop rule); node-net must see exactly this.
   */
  readonly contrast?: { readonly url: string; readonly expect: Expectation; readonly why: string };
  readonly client?: ClientContainer;
  /**
   * Docker-only expectations that replace the catalogue's for the same client, when a real
   * client behaves differently on a Docker network. `why` says how, for the report.
   */
  readonly override?: { readonly expect: readonly Expectation[]; readonly why: string };
}

const http = `http://http:${appPort}/`;
/** HTTP and WebSocket on one port: where every client, the browser's WebSocket too, connects. */
const web = `http://web:${appPort}/`;

/** What every client prints when its SYN is dropped: the catalogue's firewall timeout rows. */
const droppedSyn = getScenario("timeout-firewall").expect;

/** The client's `ip_local_port_range`: as many ports as the catalogue's fault gives (`size`). */
function portRange(id: DockerScenarioId): string {
  const size = Number(getScenario(id).fault.params.size);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`scenario ${id}: fault.params.size must be a count`);
  return smallPortRange(size);
}

/**
 * The client machine's environment in refused-proxy: every proxy variable names a dead proxy,
 * exported as the lab's setups export them (a subpath: the site reads this file, not the servers).
 */
const deadProxyEnv = proxyEnv("http://proxy-down:3128");

/** Chromium's lines on a close before any answer, from the client container: hosts are names. */
const chromiumInStack = chromiumClosedBeforeAnswer("[^/]+");

export const dockerScenarios: Readonly<Record<DockerScenarioId, DockerScenario>> = {
  "refused-wrong-port": {
    services: ["http"],
    broken: { url: `http://http:${appPort + 1}/` },
    control: { url: http },
  },
  "refused-wrong-host": {
    services: ["http", "bystander"],
    broken: { url: `http://bystander:${appPort}/` },
    control: { url: http },
  },
  "refused-dns-wrong-ip": {
    services: ["http", "bystander"],
    broken: { url: `http://api.connlab.test:${appPort}/` },
    control: { url: http },
  },
  "refused-cdn": {
    services: ["cdn"],
    broken: { url: `http://www.connlab.test:${appPort}/` },
    // tcp://, not http://: node-net reads the port from the URL, and http:// drops a default 80.
    control: { url: "tcp://www.connlab.test:80" },
  },
  "refused-not-listening": {
    services: ["not-listening"],
    broken: { url: `http://not-listening:${appPort}/` },
  },
  "refused-proxy": {
    // HTTP and WebSocket on one port: ws ignores proxy variables and must get through.
    services: ["web", "proxy-down"],
    // curl reads http_proxy (lower case only, for http://); Node's http reads HTTP_PROXY when
    // NODE_USE_ENV_PROXY=1 at startup. The probes never inherit proxy variables (probeEnv), so
    // the broken target carries them and the control, without them, must connect.
    broken: { url: `http://web:${appPort}/`, env: deadProxyEnv },
    control: { url: `http://web:${appPort}/` },
    client: { env: deadProxyEnv },
  },
  "refused-loopback-only": {
    services: ["http", "loopback-only"],
    broken: { url: `http://loopback-only:${appPort}/` },
    control: { url: http },
  },
  "refused-docker-unpublished-port": {
    // The probe plays the Docker host: nothing listens on its own 127.0.0.1:8080, because the
    // server's port lives in the server container's namespace and was never published.
    services: ["unpublished"],
    broken: { url: `http://127.0.0.1:${appPort}/` },
    control: { url: `http://unpublished:${appPort}/` },
  },
  "refused-localhost-in-container": {
    // The probe plays a container of the stack: its own localhost has nothing on 8080; the
    // server is another container, reached by its service name (the control, and the fix).
    services: ["web"],
    broken: { url: `http://localhost:${appPort}/` },
    control: { url: web },
  },
  "closed-docker-published-loopback": {
    // The probe plays the Docker host again. The stack's network is internal, so no real
    // docker-proxy can reach it: a service does its forwarding (servers' userland-proxy.ts), to a
    // container whose app listens on 127.0.0.1 only.
    services: ["docker-proxy", "published-loopback"],
    broken: { url: `http://docker-proxy:${appPort}/` },
    contrast: {
      url: `http://published-loopback:${appPort}/`,
      expect: { client: "node-net", code: "ECONNREFUSED", message: "^connect ECONNREFUSED \\S+$" },
      why: "straight to the container's address, with no proxy accepting first, the same bind is a plain refusal: its kernel answers the SYN with a RST",
    },
    override: {
      // Measured in the browser profile: 5 runs of 5 printed the first line, curl's empty reply
      // (52) every time; a fresh machine's first run (ci-fresh --cold, 2026-12-01) printed the
      // second, the host's other outcome. The host's runs never printed the first.
      expect: [
        {
          client: "chromium",
          ...chromiumInStack.closedBeforeHandshake,
          alternatives: [chromiumInStack.notConnected],
        },
      ],
      why: "in the stack the stand-in's dial is refused within one bridge, before the client's bytes arrive: its close is a FIN, which Debian's Chromium in the image reports as a connection closed before the handshake response, or, when the FIN meets it still establishing the connection, as the host's ERR_SOCKET_NOT_CONNECTED",
    },
  },
  "timeout-server-backlog-full": {
    // The client container fills the stalled server's listen queue first (the root lab's holder
    // loop), then its clients' SYNs are dropped; the control is a server whose process runs.
    services: ["stalled", "web"],
    broken: { url: `http://stalled:${appPort}/` },
    control: { url: web },
    client: { prepare: "hold" },
  },
  "timeout-firewall": {
    services: ["firewall-drop", "firewall-reject"],
    broken: { url: `http://firewall-drop:${appPort}/` },
    control: { url: "http://firewall-drop:8081/" },
    contrast: {
      url: `http://firewall-reject:${appPort}/`,
      expect: { client: "node-net", code: "ECONNREFUSED", message: "^connect ECONNREFUSED \\S+$" },
      why: "a reject rule answers with a RST: the client is refused at once instead of timing out",
    },
  },
  "timeout-security-group": {
    services: ["security-group"],
    broken: { url: `http://security-group:${appPort}/` },
    control: { url: "http://security-group:8081/" },
  },
  "timeout-panel-firewall": {
    services: ["panel-firewall"],
    broken: { url: `http://panel-firewall:${appPort}/` },
    control: { url: "http://panel-firewall:8081/" },
  },
  "timeout-host-down": {
    services: [],
    broken: { url: `http://{absent}:${appPort}/` },
  },
  "timeout-dns-wrong-ip": {
    services: ["http", "silent"],
    broken: { url: `http://api-old.connlab.test:${appPort}/` },
    control: { url: http },
    override: {
      expect: droppedSyn,
      why: "in the stack the old IP belongs to a container that drops the SYN: a timeout, not a failed ARP",
    },
  },
  "timeout-internal-ip": {
    services: ["internal-server", "wan"],
    broken: { url: `http://{internal-server}:${appPort}/` },
    client: { capAdd: ["NET_ADMIN"], prepare: "route-via-wan" },
  },
  "addrnotavail-ephemeral-ports": {
    // The web server: a browser's WebSocket must connect too once the fix is in place.
    services: ["web"],
    // No control: after the held connections close, their ports sit in TIME_WAIT for 60 s.
    broken: { url: web },
    client: {
      sysctls: { "net.ipv4.ip_local_port_range": portRange("addrnotavail-ephemeral-ports") },
      prepare: "hold",
      fixed: { sysctls: { "net.ipv4.ip_local_port_range": "10000 65535" } },
    },
  },
  "addrnotavail-time-wait": {
    services: ["web"],
    broken: { url: web },
    client: {
      sysctls: {
        "net.ipv4.ip_local_port_range": portRange("addrnotavail-time-wait"),
        "net.ipv4.tcp_tw_reuse": "0",
      },
      prepare: "time-wait",
      fixed: {
        sysctls: {
          "net.ipv4.ip_local_port_range": portRange("addrnotavail-time-wait"),
          "net.ipv4.tcp_tw_reuse": "1",
        },
        settleMs: 1_100,
      },
    },
  },
  "protocol-ws-to-http": {
    services: ["http"],
    broken: { url: `ws://http:${appPort}/` },
    control: { url: http },
  },
  "protocol-ws-to-raw-tcp": {
    services: ["net"],
    broken: { url: `ws://net:${appPort}/` },
    control: { url: `tcp://net:${appPort}` },
  },
  "protocol-http-to-ws": {
    services: ["ws-only"],
    broken: { url: `http://ws-only:${appPort}/` },
    control: { url: `ws://ws-only:${appPort}/` },
  },
  "protocol-tls-mismatch": {
    // https:// against the plain HTTP port; the other half (http:// against a TLS port) needs
    // the TLS app, which is not written yet.
    services: ["http"],
    broken: { url: `https://http:${appPort}/` },
    control: { url: http },
  },
  "protocol-proxy-strips-upgrade": {
    services: ["ws-only", "strip-proxy"],
    broken: { url: `ws://strip-proxy:${appPort}/` },
    control: { url: `ws://ws-only:${appPort}/` },
  },
};
