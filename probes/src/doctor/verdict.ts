import { type Category, getScenario } from "@connlab/scenarios";
import type { ConnectResult } from "./connect.ts";
import type { ListenerFinding } from "./listeners.ts";
import type { PortPressure } from "./pressure.ts";
import type { ProxyFinding } from "./proxy.ts";
import type { Resolution } from "./resolve.ts";
import type { Sniff } from "./sniff.ts";
import { type DoctorTarget, hostPort } from "./target.ts";

/** Everything the checks found; the verdict is a pure function of it, so it is unit-tested alone. */
export interface Facts {
  readonly target: DoctorTarget;
  readonly proxy: ProxyFinding;
  readonly proxyConnect?: ConnectResult;
  readonly resolution: Resolution;
  readonly expectIp?: string;
  /** One per resolved address, in the resolver's order. */
  readonly connects: readonly ConnectResult[];
  readonly sniff?: Sniff;
  /** Only when the first address belongs to this machine. */
  readonly listeners?: ListenerFinding;
  readonly pressure: PortPressure;
  /** The first address is in the subnet of one of this machine's interfaces (same LAN). */
  readonly onLocalSubnet?: boolean;
}

export const confidences = ["high", "medium", "low"] as const;
export type Confidence = (typeof confidences)[number];

export interface RankedCause {
  readonly id: string;
  readonly confidence: Confidence;
  readonly evidence: string;
}

/** `ok`: connected and the port speaks what the scheme expects. `dns`: the name did not resolve. */
export type VerdictCategory = Category | "ok" | "dns" | "unknown";

export interface Ranking {
  readonly category: VerdictCategory;
  readonly causes: readonly RankedCause[];
}

const order: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/** Addresses that are only reachable inside their own network (RFC 1918, CGNAT, ULA, link-local). */
export function isPrivateAddress(address: string): boolean {
  return (
    /^(10\.|192\.168\.|169\.254\.)/.test(address) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(address) ||
    /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./.test(address) ||
    /^f[cd][0-9a-f]{2}:/i.test(address) ||
    /^fe[89ab][0-9a-f]:/i.test(address)
  );
}

export function rank(facts: Facts): Ranking {
  const causes: RankedCause[] = [];
  const add = (id: string, confidence: Confidence, evidence: string) => {
    getScenario(id); // every id named must exist in the catalogue: fail loudly in tests, not on a page
    causes.push({ id, confidence, evidence });
  };
  const category = diagnose(facts, add);
  const sorted = causes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order[a.c.confidence] - order[b.c.confidence] || a.i - b.i)
    .map(({ c }) => c);
  // Two checks can point at the same cause: keep it once, at its highest confidence, with both evidences.
  const merged = new Map<string, RankedCause>();
  for (const c of sorted) {
    const seen = merged.get(c.id);
    merged.set(c.id, seen ? { ...seen, evidence: `${seen.evidence}; ${c.evidence}` } : c);
  }
  return { category, causes: [...merged.values()] };
}

type Add = (id: string, confidence: Confidence, evidence: string) => void;

function diagnose(facts: Facts, add: Add): VerdictCategory {
  const { target, resolution } = facts;
  const port = target.port;
  if (resolution.addresses.length === 0) {
    add(
      "refused-wrong-host",
      "medium",
      `the name ${target.host} does not resolve (${resolution.error ?? "no address"}): a typo in the host, or a name only another network's DNS knows`,
    );
    return "dns";
  }
  const proxyCategory = diagnoseProxy(facts, add);
  const addresses = resolution.addresses.map((a) => a.address);
  const expectMismatch = facts.expectIp !== undefined && !addresses.includes(facts.expectIp);
  const mismatch = `${target.host} resolves to ${addresses.join(", ")}, not the expected ${facts.expectIp}`;
  const first = facts.connects[0];
  if (!first) return proxyCategory ?? "unknown";
  const connected = facts.connects.find((c) => c.outcome === "connected");
  const at = hostPort(first.address, port);

  switch (first.outcome) {
    case "connected": {
      if (expectMismatch) {
        add("refused-dns-wrong-ip", "high", `${mismatch}: you reached another server`);
        add(
          "refused-cdn",
          "medium",
          "if the name points at a CDN or accelerator, that is its address, not the origin's",
        );
      }
      const protocol = diagnoseProtocol(facts, add);
      pressureWarning(facts, add);
      // A dead proxy is what the client meets first, whatever the port itself speaks.
      return proxyCategory ?? protocol ?? (expectMismatch ? "refused" : "ok");
    }
    case "refused": {
      if (expectMismatch) {
        add("refused-dns-wrong-ip", "high", `${mismatch}; ${at} refused the connection`);
        add(
          "refused-cdn",
          "medium",
          "if the name points at a CDN or accelerator, it may not serve this port",
        );
      }
      if (connected) {
        add(
          "refused-localhost-ipv6",
          "high",
          `the first address ${at} refused, ${hostPort(connected.address, port)} connected: clients that try only the first address fail`,
        );
      }
      diagnoseRefused(facts, add, at);
      return proxyCategory ?? "refused";
    }
    case "timeout":
    case "host-unreachable":
    case "network-unreachable": {
      diagnoseTimeout(facts, add, expectMismatch ? mismatch : undefined);
      return proxyCategory ?? "timeout";
    }
    case "address-not-available": {
      diagnoseAddrNotAvail(facts, add);
      return proxyCategory ?? "addrnotavail";
    }
    default:
      return proxyCategory ?? "unknown";
  }
}

function diagnoseProxy(facts: Facts, add: Add): VerdictCategory | undefined {
  const use = facts.proxy.proxy;
  if (!use) return undefined;
  const pc = facts.proxyConnect;
  const where = use.host !== undefined && use.port !== undefined ? hostPort(use.host, use.port) : use.value;
  if (!pc) {
    add(
      "refused-proxy",
      "medium",
      `${use.variable}=${use.value} applies to this target but is not a usable proxy URL`,
    );
    return "refused";
  }
  if (pc.outcome === "connected") return undefined;
  const direct = facts.connects[0]?.outcome === "connected" ? "; the direct connection works" : "";
  add(
    "refused-proxy",
    "high",
    `${use.variable} sends this target through ${where}, which is ${pc.outcome === "refused" ? "refusing connections" : pc.outcome} (${pc.code})${direct}`,
  );
  return pc.outcome === "refused"
    ? "refused"
    : pc.outcome === "address-not-available"
      ? "addrnotavail"
      : "timeout";
}

/**
 * The handshake completed only because the doctor accepts any certificate: a client with the
 * default trust store stops here, before a byte of HTTP, whatever the port speaks after TLS.
 */
function diagnoseCertificate(facts: Facts, add: Add): VerdictCategory | undefined {
  const c = facts.sniff?.certificate;
  if (!c || c.authorized) return undefined;
  const why = `the TLS handshake works, but Node's default trust store rejects the certificate (${c.error ?? "unverified"})`;
  const sent = `the server sent ${c.sent} certificate${c.sent === 1 ? "" : "s"}`;
  switch (c.error) {
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
      // Only the server's own certificate arrived and its issuer is in no store: either the
      // intermediate was left out (most often) or the whole CA is unknown to the client.
      add(
        "tls-incomplete-chain",
        c.sent <= 1 ? "high" : "medium",
        `${why}; ${sent}: the intermediate is missing`,
      );
      add("tls-untrusted-certificate", "medium", "or the CA that issued it is one the client does not trust");
      break;
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "UNABLE_TO_GET_ISSUER_CERT":
      add("tls-incomplete-chain", "medium", `${why}; ${sent}, and the last one's issuer is missing`);
      add("tls-untrusted-certificate", "medium", "or the CA that issued it is one the client does not trust");
      break;
    default:
      // Self-signed, a private CA, another host name, an expired certificate.
      add("tls-untrusted-certificate", "high", `${why}; ${sent}`);
  }
  return "tls";
}

function diagnoseProtocol(facts: Facts, add: Add): VerdictCategory | undefined {
  const certificate = diagnoseCertificate(facts, add);
  if (certificate) return certificate;
  const s = facts.sniff;
  if (!s || s.matches) return undefined;
  const ws = facts.target.scheme === "ws" || facts.target.scheme === "wss";
  switch (s.kind) {
    case "http":
      if (!ws) {
        add("protocol-http-to-ws", "high", `an HTTP request got ${s.detail}`);
      } else if (s.upgradeOffered) {
        add(
          "protocol-proxy-strips-upgrade",
          "high",
          `a WebSocket server answered as if it never saw the Upgrade header (${s.detail}): a proxy in between drops it`,
        );
        add("protocol-ws-to-http", "medium", `the WebSocket handshake got ${s.detail}`);
      } else {
        add("protocol-ws-to-http", "high", `the WebSocket handshake got ${s.detail}`);
        add(
          "protocol-proxy-strips-upgrade",
          "low",
          "if a reverse proxy fronts a WebSocket server here, it may drop the Upgrade header",
        );
      }
      return "protocol";
    case "tls-on-plain":
    case "plain-on-tls":
      add("protocol-tls-mismatch", "high", s.detail);
      return "protocol";
    case "non-http":
    case "no-answer":
      add("protocol-ws-to-raw-tcp", ws ? "high" : "medium", `the port speaks another protocol: ${s.detail}`);
      return "protocol";
    case "silent-close":
      add("protocol-ws-to-raw-tcp", "medium", `the port ${s.detail}: it does not speak HTTP`);
      add(
        "protocol-tls-mismatch",
        "low",
        "some TLS servers hang up like this on plain text, and the reverse",
      );
      return "protocol";
    default:
      return undefined;
  }
}

function diagnoseRefused(facts: Facts, add: Add, at: string): void {
  const l = facts.listeners;
  const firstFamily = facts.resolution.addresses[0]?.family;
  if (l && l.listening.length > 0 && !l.accepts) {
    const v4Only = l.listening.every((a) => !a.startsWith("["));
    if (firstFamily === 6 && v4Only) {
      add("refused-localhost-ipv6", "high", l.summary);
      add("refused-loopback-only", "medium", `${l.summary}: the server is bound to one address`);
    } else add("refused-loopback-only", "high", l.summary);
    return;
  }
  if (l?.accepts) {
    add("timeout-firewall", "medium", `${l.summary}, yet ${at} refused: a firewall rule rejects it`);
    add("refused-not-listening", "low", "the listener may belong to another network namespace or container");
    return;
  }
  const other =
    l && l.otherPorts.length > 0 ? `; ports listening on that address: ${l.otherPorts.join(", ")}` : "";
  const nobody = l ? `${l.summary}` : `${at} answered with RST: nothing accepts that port there`;
  add("refused-not-listening", "medium", `${nobody}; the server is not running, or listens elsewhere`);
  add(
    "refused-wrong-port",
    "medium",
    `the evidence cannot tell a wrong port from a stopped server: check the port the server prints at start-up${other}`,
  );
  if (!l) {
    add("refused-wrong-host", "low", `check that ${facts.target.host} is the server's machine`);
    add(
      "refused-docker-unpublished-port",
      "low",
      "if the server runs in a container, check its published ports",
    );
    add("timeout-firewall", "low", "a firewall that rejects (instead of dropping) also answers with RST");
  }
}

function diagnoseTimeout(facts: Facts, add: Add, mismatch: string | undefined): void {
  const first = facts.connects[0];
  if (!first) return;
  const at = hostPort(first.address, facts.target.port);
  const what =
    first.outcome === "timeout"
      ? `no answer from ${at} within ${first.elapsedMs} ms: packets are dropped on the way`
      : `${at}: ${first.code} (${first.outcome.replace("-", " ")}) after ${first.elapsedMs} ms`;
  if (mismatch) add("timeout-dns-wrong-ip", "high", `${mismatch}; ${what}`);
  const isPrivate = isPrivateAddress(first.address);
  if (first.outcome === "network-unreachable") {
    add(
      "timeout-internal-ip",
      isPrivate ? "high" : "medium",
      `${what}: no route from here to that network${isPrivate ? ", and it is a private address" : ""}`,
    );
    add("timeout-host-down", "low", "or the host's network is down");
    return;
  }
  if (facts.listeners) {
    // On this very machine nothing but a firewall drops a SYN to a listening or closed port.
    add("timeout-firewall", "high", `${what}; the address is this machine's, so a local firewall drops it`);
    return;
  }
  if (isPrivate && !facts.onLocalSubnet)
    add(
      "timeout-internal-ip",
      "medium",
      `${first.address} is a private address: reachable only from its own network`,
    );
  const unreachable = first.outcome === "host-unreachable";
  add(
    "timeout-firewall",
    "medium",
    unreachable
      ? `${what}: a firewall rejecting with ICMP host-prohibited, or a host that is down`
      : `${what}; a firewall that drops and a host that is down look the same on the wire: check the firewall first`,
  );
  add(
    "timeout-host-down",
    "medium",
    unreachable ? "no host answers for that address" : "check the host is up (ping, the provider's console)",
  );
  add(
    "timeout-security-group",
    "medium",
    "on a cloud server, check the provider's security group opens this port",
  );
  add(
    "timeout-panel-firewall",
    "low",
    "a hosting panel (aaPanel/Baota…) keeps its own firewall: open the port there too",
  );
}

function diagnoseAddrNotAvail(facts: Facts, add: Add): void {
  const p = facts.pressure;
  const range = p.range
    ? `ip_local_port_range has ${p.range.size} ports (${p.range.low}–${p.range.high})`
    : "the port range is unknown";
  const held = `${p.established} ESTABLISHED and ${p.timeWait} TIME_WAIT toward the target`;
  const timeWaitFirst = p.timeWait > p.established;
  add(
    "addrnotavail-ephemeral-ports",
    timeWaitFirst ? "medium" : "high",
    `no free local port: ${range}; ${held}`,
  );
  add(
    "addrnotavail-time-wait",
    timeWaitFirst ? "high" : "medium",
    `${p.timeWait} closed connections still hold their port in TIME_WAIT`,
  );
}

function pressureWarning(facts: Facts, add: Add): void {
  const p = facts.pressure;
  if (p.usedShare < 0.5 || !p.range) return;
  const id = p.timeWait > p.established ? "addrnotavail-time-wait" : "addrnotavail-ephemeral-ports";
  add(
    id,
    "low",
    `connected, but ${p.established + p.timeWait} of ${p.range.size} local ports are held toward this target: close to running out`,
  );
}
