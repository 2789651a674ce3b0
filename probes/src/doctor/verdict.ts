import { arpGiveUpMs, type Category, type DeclaredId } from "@connlab/scenarios";
import type { ConnectResult } from "./connect.ts";
import type { DescriptorFinding } from "./descriptors.ts";
import type { IdleWatch } from "./idle.ts";
import type { ListenerFinding } from "./listeners.ts";
import type { PortPressure } from "./pressure.ts";
import type { ProxyFinding } from "./proxy.ts";
import type { Resolution } from "./resolve.ts";
import { joined, type Said, said } from "./said.ts";
import type { Sniff } from "./sniff.ts";
import type { SocketIoSession } from "./socketio.ts";
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
  /** Only when asked for (`--idle`) and the WebSocket handshake worked: what silence did to it. */
  readonly idle?: IdleWatch;
  /** Only when asked for (`--socketio`) and the port speaks HTTP: a session opened, then polled. */
  readonly socketIo?: SocketIoSession;
  /** Only when the first address belongs to this machine. */
  readonly listeners?: ListenerFinding;
  /** Only when a port listening here closed the connection without a byte: its process's descriptors. */
  readonly descriptors?: DescriptorFinding;
  readonly pressure: PortPressure;
  /** The first address is in the subnet of one of this machine's interfaces (same LAN). */
  readonly onLocalSubnet?: boolean;
  /** The doctor runs inside a container (Docker's /.dockerenv, Podman's /run/.containerenv). */
  readonly inContainer?: boolean;
}

/**
 * The scenarios the rules below can name, in the guide's order. A rule can name no other (the
 * compiler says so), and the doctor's catalogue tests check that each is named against its
 * scenario's broken setup. A scenario missing here is still diagnosed by category: a new one needs
 * a rule only when its evidence tells it apart.
 */
export const namedCauses = [
  "refused-wrong-port",
  "refused-wrong-host",
  "refused-dns-wrong-ip",
  "refused-cdn",
  "refused-not-listening",
  "refused-proxy",
  "refused-loopback-only",
  "refused-localhost-ipv6",
  "refused-docker-unpublished-port",
  "refused-localhost-in-container",
  "timeout-firewall",
  "timeout-security-group",
  "timeout-panel-firewall",
  "timeout-host-down",
  "timeout-host-down-routed",
  "timeout-dns-wrong-ip",
  "timeout-internal-ip",
  "timeout-server-backlog-full",
  "timeout-path-mtu-black-hole",
  "addrnotavail-ephemeral-ports",
  "addrnotavail-time-wait",
  "protocol-ws-to-http",
  "protocol-ws-to-raw-tcp",
  "protocol-http-to-ws",
  "protocol-tls-mismatch",
  "protocol-proxy-strips-upgrade",
  "policy-origin-rejected",
  "policy-subprotocol-mismatch",
  "tls-untrusted-certificate",
  "tls-incomplete-chain",
  "closed-proxy-idle-timeout",
  "closed-socketio-no-sticky",
  "closed-server-out-of-fds",
  "closed-docker-published-loopback",
] as const satisfies readonly DeclaredId[];

/** A scenario some rule names. */
export type NamedCause = (typeof namedCauses)[number];

export const confidences = ["high", "medium", "low"] as const;
export type Confidence = (typeof confidences)[number];

export interface RankedCause {
  /** Typed by the catalogue: a rule cannot name a scenario that is not declared. */
  readonly id: DeclaredId;
  readonly confidence: Confidence;
  readonly evidence: Said;
}

/** `ok`: connected and the port speaks what the scheme expects. `dns`: the name did not resolve. */
export type VerdictCategory = Category | "ok" | "dns" | "unknown";

export interface Ranking {
  readonly category: VerdictCategory;
  readonly causes: readonly RankedCause[];
}

/** 127.0.0.0/8 and ::1: the loopback of the network namespace the client runs in. */
function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === "::1";
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
  const add = (id: NamedCause, confidence: Confidence, evidence: Said) => {
    causes.push({ id, confidence, evidence });
  };
  const category = diagnose(facts, add);
  const sorted = causes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order[a.c.confidence] - order[b.c.confidence] || a.i - b.i)
    .map(({ c }) => c);
  // Two checks can point at the same cause: keep it once, at its highest confidence, with both evidences.
  const merged = new Map<DeclaredId, RankedCause>();
  for (const c of sorted) {
    const seen = merged.get(c.id);
    merged.set(c.id, seen ? { ...seen, evidence: joined([seen.evidence, c.evidence], "; ") } : c);
  }
  return { category, causes: [...merged.values()] };
}

type Add = (id: NamedCause, confidence: Confidence, evidence: Said) => void;

function diagnose(facts: Facts, add: Add): VerdictCategory {
  const { target, resolution } = facts;
  const port = target.port;
  if (resolution.addresses.length === 0) {
    add(
      "refused-wrong-host",
      "medium",
      said(
        `the name ${target.host} does not resolve (${resolution.error ?? "no address"}): a typo in the host, or a name only another network's DNS knows`,
        `el nombre ${target.host} no se resuelve (${resolution.error ?? "sin dirección"}): una errata en el host, o un nombre que solo conoce el DNS de otra red`,
      ),
    );
    return "dns";
  }
  const proxyCategory = diagnoseProxy(facts, add);
  const addresses = resolution.addresses.map((a) => a.address);
  const expectMismatch = facts.expectIp !== undefined && !addresses.includes(facts.expectIp);
  const mismatch = said(
    `${target.host} resolves to ${addresses.join(", ")}, not the expected ${facts.expectIp}`,
    `${target.host} se resuelve a ${addresses.join(", ")}, no a la esperada ${facts.expectIp}`,
  );
  const first = facts.connects[0];
  if (!first) return proxyCategory ?? "unknown";
  const connected = facts.connects.find((c) => c.outcome === "connected");
  const at = hostPort(first.address, port);

  switch (first.outcome) {
    case "connected": {
      if (expectMismatch) {
        add(
          "refused-dns-wrong-ip",
          "high",
          said(`${mismatch.en}: you reached another server`, `${mismatch.es}: llegaste a otro servidor`),
        );
        add(
          "refused-cdn",
          "medium",
          said(
            "if the name points at a CDN or accelerator, that is its address, not the origin's",
            "si el nombre apunta a una CDN o un acelerador, esa es su dirección, no la del origen",
          ),
        );
      }
      const protocol =
        diagnoseProtocol(facts, add) ?? diagnoseIdle(facts, add) ?? diagnoseSocketIo(facts, add);
      pressureWarning(facts, add);
      // A dead proxy is what the client meets first, whatever the port itself speaks.
      return proxyCategory ?? protocol ?? (expectMismatch ? "refused" : "ok");
    }
    case "refused": {
      if (expectMismatch) {
        add(
          "refused-dns-wrong-ip",
          "high",
          said(`${mismatch.en}; ${at} refused the connection`, `${mismatch.es}; ${at} rechazó la conexión`),
        );
        add(
          "refused-cdn",
          "medium",
          said(
            "if the name points at a CDN or accelerator, it may not serve this port",
            "si el nombre apunta a una CDN o un acelerador, puede que no sirva este puerto",
          ),
        );
      }
      if (connected) {
        add(
          "refused-localhost-ipv6",
          "high",
          said(
            `the first address ${at} refused, ${hostPort(connected.address, port)} connected: clients that try only the first address fail`,
            `la primera dirección ${at} rechazó, ${hostPort(connected.address, port)} conectó: los clientes que solo prueban la primera dirección fallan`,
          ),
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
      said(
        `${use.variable}=${use.value} applies to this target but is not a usable proxy URL`,
        `${use.variable}=${use.value} se aplica a este destino pero no es una URL de proxy utilizable`,
      ),
    );
    return "refused";
  }
  if (pc.outcome === "connected") return undefined;
  const direct = facts.connects[0]?.outcome === "connected";
  const refusing = pc.outcome === "refused";
  add(
    "refused-proxy",
    "high",
    said(
      `${use.variable} sends this target through ${where}, which is ${refusing ? "refusing connections" : pc.outcome} (${pc.code})${direct ? "; the direct connection works" : ""}`,
      `${use.variable} envía este destino a través de ${where}, que ${refusing ? "rechaza las conexiones" : `falla: ${pc.outcome}`} (${pc.code})${direct ? "; la conexión directa funciona" : ""}`,
    ),
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
  const error = c.error ?? "unverified";
  const why = said(
    `the TLS handshake works, but Node's default trust store rejects the certificate (${error})`,
    `el handshake TLS funciona, pero el almacén de confianza por defecto de Node rechaza el certificado (${error})`,
  );
  const sent = said(
    `the server sent ${c.sent} certificate${c.sent === 1 ? "" : "s"}`,
    `el servidor envió ${c.sent} certificado${c.sent === 1 ? "" : "s"}`,
  );
  const orUntrusted = said(
    "or the CA that issued it is one the client does not trust",
    "o la CA que lo emitió no es una en la que el cliente confíe",
  );
  switch (c.error) {
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
      // Only the server's own certificate arrived and its issuer is in no store: either the
      // intermediate was left out (most often) or the whole CA is unknown to the client.
      add(
        "tls-incomplete-chain",
        c.sent <= 1 ? "high" : "medium",
        said(
          `${why.en}; ${sent.en}: the intermediate is missing`,
          `${why.es}; ${sent.es}: falta el intermedio`,
        ),
      );
      add("tls-untrusted-certificate", "medium", orUntrusted);
      break;
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "UNABLE_TO_GET_ISSUER_CERT":
      add(
        "tls-incomplete-chain",
        "medium",
        said(
          `${why.en}; ${sent.en}, and the last one's issuer is missing`,
          `${why.es}; ${sent.es}, y falta el emisor del último`,
        ),
      );
      add("tls-untrusted-certificate", "medium", orUntrusted);
      break;
    default:
      // Self-signed, a private CA, another host name, an expired certificate.
      add("tls-untrusted-certificate", "high", joined([why, sent], "; "));
  }
  return "tls";
}

/**
 * The handshake worked and the doctor kept the socket silent (`--idle`): a close with no close
 * frame is something on the path giving up on a quiet connection, a proxy's idle limit above all
 * (nginx's proxy_read_timeout, 60 s by default). A close frame is the server's own decision.
 */
function diagnoseIdle(facts: Facts, add: Add): VerdictCategory | undefined {
  const watch = facts.idle;
  if (watch?.outcome !== "closed") return undefined;
  const seconds = (watch.silentMs / 1000).toFixed(1);
  add(
    "closed-proxy-idle-timeout",
    watch.closeFrame ? "low" : "high",
    watch.closeFrame
      ? said(
          `the server itself closed the silent WebSocket after ${seconds} s (close frame ${watch.code}): its own idle rule, not a proxy's`,
          `el propio servidor cerró el WebSocket en silencio tras ${seconds} s (trama de cierre ${watch.code}): una regla de inactividad suya, no de un proxy`,
        )
      : said(
          `the upgrade succeeded, then the connection closed after ${seconds} s of silence without a close frame (1006): an idle limit on the path, like a reverse proxy's proxy_read_timeout`,
          `el upgrade funcionó y la conexión se cerró tras ${seconds} s de silencio sin trama de cierre (1006): un límite de inactividad en el camino, como el proxy_read_timeout de un proxy inverso`,
        ),
  );
  return "closed";
}

/**
 * A Socket.IO session opened (`--socketio`), then a poll with its sid got 400 "Session ID
 * unknown": the request reached a server that never saw the handshake. The evidence names the
 * cause only then; a session kept, or no Socket.IO server at all, names nothing.
 */
function diagnoseSocketIo(facts: Facts, add: Add): VerdictCategory | undefined {
  const session = facts.socketIo;
  if (session?.outcome !== "refused") return undefined;
  add(
    "closed-socketio-no-sticky",
    "high",
    said(
      `${session.detail.en}: the poll reached a server that does not hold the session, as a load balancer without sticky sessions sends it`,
      `${session.detail.es}: la consulta llegó a un servidor que no guarda la sesión, como la envía un balanceador sin sesiones fijas`,
    ),
  );
  return "closed";
}

function diagnoseProtocol(facts: Facts, add: Add): VerdictCategory | undefined {
  const certificate = diagnoseCertificate(facts, add);
  if (certificate) return certificate;
  const s = facts.sniff;
  if (!s || s.matches) return undefined;
  const ws = facts.target.scheme === "ws" || facts.target.scheme === "wss";
  switch (s.kind) {
    case "subprotocol-unanswered":
      add(
        "policy-subprotocol-mismatch",
        "high",
        said(`the WebSocket handshake ${s.detail.en}`, `la negociación WebSocket ${s.detail.es}`),
      );
      return "policy";
    case "http":
      // 403 to an upgrade: a server that speaks WebSocket refused this request (its Origin check).
      if (ws && s.status === 403) {
        add(
          "policy-origin-rejected",
          "high",
          said(
            `the WebSocket handshake got ${s.detail.en}: the server refused the upgrade itself; the doctor sends no Origin, as non-browser clients do, and a browser sends its page's`,
            `la negociación WebSocket obtuvo: ${s.detail.es}: el propio servidor rechazó el upgrade; el doctor no envía Origin, como los clientes que no son navegadores, y un navegador envía el de su página`,
          ),
        );
        add(
          "protocol-ws-to-http",
          "low",
          said(
            "an HTTP server without WebSocket can also answer 403",
            "un servidor HTTP sin WebSocket también puede responder 403",
          ),
        );
        return "policy";
      }
      if (!ws) {
        add(
          "protocol-http-to-ws",
          "high",
          said(`an HTTP request got ${s.detail.en}`, `una petición HTTP obtuvo: ${s.detail.es}`),
        );
      } else if (s.upgradeOffered) {
        add(
          "protocol-proxy-strips-upgrade",
          "high",
          said(
            `a WebSocket server answered as if it never saw the Upgrade header (${s.detail.en}): a proxy in between drops it`,
            `un servidor WebSocket respondió como si nunca hubiera visto la cabecera Upgrade (${s.detail.es}): un proxy intermedio la quita`,
          ),
        );
        add("protocol-ws-to-http", "medium", handshakeGot(s.detail));
      } else {
        add("protocol-ws-to-http", "high", handshakeGot(s.detail));
        add(
          "protocol-proxy-strips-upgrade",
          "low",
          said(
            "if a reverse proxy fronts a WebSocket server here, it may drop the Upgrade header",
            "si un proxy inverso está delante de un servidor WebSocket, puede quitar la cabecera Upgrade",
          ),
        );
      }
      return "protocol";
    case "tls-on-plain":
    case "plain-on-tls":
      add("protocol-tls-mismatch", "high", s.detail);
      return "protocol";
    case "large-hello-lost":
      add("timeout-path-mtu-black-hole", "high", s.detail);
      return "timeout";
    case "no-answer":
    case "silent-close":
      if (facts.target.tls) {
        // A TLS client's ClientHello is binary noise to a plain port: a plain server whose parser
        // waits for a header's end stays silent (a Workerman websocket:// worker), others hang up.
        // The same as a plain client meeting a TLS port, the other way round.
        add(
          "protocol-tls-mismatch",
          "high",
          said(
            `${s.detail.en}: a ${facts.target.scheme}:// client met a port that does not speak TLS`,
            `${s.detail.es}: un cliente ${facts.target.scheme}:// dio con un puerto que no habla TLS`,
          ),
        );
        add(
          "protocol-ws-to-raw-tcp",
          "medium",
          said(
            `or the port speaks another protocol: ${s.detail.en}`,
            `o el puerto habla otro protocolo: ${s.detail.es}`,
          ),
        );
        return "protocol";
      }
      break;
    default:
      break;
  }
  // Docker's forwarder accepted and then hung up without a byte: its own dial to the container
  // was refused, nobody listens on the container's address (an app bound to its 127.0.0.1).
  if (s.kind === "silent-close" && facts.listeners?.owners?.includes("docker-proxy")) {
    add(
      "closed-docker-published-loopback",
      "high",
      said(
        `docker-proxy, Docker's forwarder for a published port, listens here and ${s.detail.en}: inside the container nothing listens on its own address (an app bound to 127.0.0.1?)`,
        `docker-proxy, el reenviador de Docker para un puerto publicado, escucha aquí y ${s.detail.es}: dentro del contenedor nada escucha en su propia dirección (¿una app ligada a 127.0.0.1?)`,
      ),
    );
    return "closed";
  }
  switch (s.kind) {
    case "non-http":
    case "no-answer":
      add(
        "protocol-ws-to-raw-tcp",
        ws ? "high" : "medium",
        said(
          `the port speaks another protocol: ${s.detail.en}`,
          `el puerto habla otro protocolo: ${s.detail.es}`,
        ),
      );
      return "protocol";
    case "silent-close":
      if (facts.descriptors?.exhausted) {
        // accept() fails with EMFILE; Node (libuv) then accepts and closes each waiting
        // connection to keep its loop from spinning, and logs nothing.
        add(
          "closed-server-out-of-fds",
          "high",
          said(
            `the port ${s.detail.en}, and ${facts.descriptors.summary.en}`,
            `el puerto ${s.detail.es}, y ${facts.descriptors.summary.es}`,
          ),
        );
        add(
          "protocol-ws-to-raw-tcp",
          "low",
          said(
            "a port that speaks another protocol hangs up the same way, but this one's process cannot even accept",
            "un puerto que habla otro protocolo cuelga igual, pero el proceso de este ni siquiera puede aceptar",
          ),
        );
        return "closed";
      }
      add(
        "protocol-ws-to-raw-tcp",
        "medium",
        said(`the port ${s.detail.en}: it does not speak HTTP`, `el puerto ${s.detail.es}: no habla HTTP`),
      );
      add(
        "protocol-tls-mismatch",
        "low",
        said(
          "some TLS servers hang up like this on plain text, and the reverse",
          "algunos servidores TLS cuelgan así ante texto plano, y al revés",
        ),
      );
      // From here the doctor cannot see the process: say where to look.
      if (!facts.descriptors)
        add(
          "closed-server-out-of-fds",
          "low",
          said(
            "or a Node.js server out of file descriptors closes each connection as it takes it, logging nothing: on the server, compare ls /proc/PID/fd | wc -l with its Max open files",
            "o un servidor Node.js sin descriptores de archivo cierra cada conexión al recogerla, sin registrar nada: en el servidor, compara ls /proc/PID/fd | wc -l con su Max open files",
          ),
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
      add(
        "refused-loopback-only",
        "medium",
        said(
          `${l.summary.en}: the server is bound to one address`,
          `${l.summary.es}: el servidor está ligado a una sola dirección`,
        ),
      );
    } else {
      add("refused-loopback-only", "high", l.summary);
      // The same evidence, read the other way: the app is right, the client aims at another address.
      add(
        "refused-wrong-host",
        "low",
        said(
          `or the client aims at the wrong address: the app is on ${l.listening.join(", ")}`,
          `o el cliente apunta a una dirección equivocada: la aplicación está en ${l.listening.join(", ")}`,
        ),
      );
    }
    return;
  }
  if (l?.accepts) {
    add(
      "timeout-firewall",
      "medium",
      said(
        `${l.summary.en}, yet ${at} refused: a firewall rule rejects it`,
        `${l.summary.es}, y aun así ${at} rechazó: una regla de cortafuegos lo rechaza`,
      ),
    );
    add(
      "refused-not-listening",
      "low",
      said(
        "the listener may belong to another network namespace or container",
        "quien escucha puede estar en otro espacio de nombres de red o en otro contenedor",
      ),
    );
    return;
  }
  const others = l && l.otherPorts.length > 0 ? l.otherPorts.join(", ") : undefined;
  const nobody =
    l?.summary ??
    said(
      `${at} answered with RST: nothing accepts that port there`,
      `${at} respondió con RST: allí nada acepta ese puerto`,
    );
  add(
    "refused-not-listening",
    "medium",
    said(
      `${nobody.en}; the server is not running, or listens elsewhere`,
      `${nobody.es}; el servidor no está en marcha, o escucha en otro sitio`,
    ),
  );
  add(
    "refused-wrong-port",
    "medium",
    said(
      `the evidence cannot tell a wrong port from a stopped server: check the port the server prints at start-up${others ? `; ports listening on that address: ${others}` : ""}`,
      `las pruebas no distinguen un puerto equivocado de un servidor parado: mira el puerto que el servidor muestra al arrancar${others ? `; puertos que escuchan en esa dirección: ${others}` : ""}`,
    ),
  );
  const loopback = facts.resolution.addresses[0]?.address;
  if (loopback !== undefined && isLoopback(loopback)) {
    // Loopback is this network namespace's own: in a container, the container itself. After the
    // two causes above, which a container does not rule out (its own server may be down).
    add(
      "refused-localhost-in-container",
      facts.inContainer ? "medium" : "low",
      facts.inContainer
        ? said(
            `this runs in a container, where ${loopback} is the container itself, not the host or another container`,
            `esto corre en un contenedor, donde ${loopback} es el propio contenedor, no el host ni otro contenedor`,
          )
        : said(
            `if this client runs in a container, ${loopback} is the container itself`,
            `si este cliente corre en un contenedor, ${loopback} es el propio contenedor`,
          ),
    );
  }
  if (!l) {
    add(
      "refused-wrong-host",
      "low",
      said(
        `check that ${facts.target.host} is the server's machine`,
        `comprueba que ${facts.target.host} es la máquina del servidor`,
      ),
    );
    add(
      "refused-docker-unpublished-port",
      "low",
      said(
        "if the server runs in a container, check its published ports",
        "si el servidor corre en un contenedor, comprueba sus puertos publicados",
      ),
    );
    add(
      "timeout-firewall",
      "low",
      said(
        "a firewall that rejects (instead of dropping) also answers with RST",
        "un cortafuegos que rechaza (en lugar de descartar) también responde con RST",
      ),
    );
  }
}

function diagnoseTimeout(facts: Facts, add: Add, mismatch: Said | undefined): void {
  const first = facts.connects[0];
  if (!first) return;
  const at = hostPort(first.address, facts.target.port);
  const what =
    first.outcome === "timeout"
      ? said(
          `no answer from ${at} within ${first.elapsedMs} ms: packets are dropped on the way`,
          `ninguna respuesta de ${at} en ${first.elapsedMs} ms: los paquetes se descartan por el camino`,
        )
      : said(
          `${at}: ${first.code} (${first.outcome.replace("-", " ")}) after ${first.elapsedMs} ms`,
          `${at}: ${first.code} (${first.outcome === "host-unreachable" ? "host inalcanzable" : "red inalcanzable"}) tras ${first.elapsedMs} ms`,
        );
  if (mismatch) add("timeout-dns-wrong-ip", "high", joined([mismatch, what], "; "));
  const isPrivate = isPrivateAddress(first.address);
  if (first.outcome === "network-unreachable") {
    add(
      "timeout-internal-ip",
      isPrivate ? "high" : "medium",
      said(
        `${what.en}: no route from here to that network${isPrivate ? ", and it is a private address" : ""}`,
        `${what.es}: no hay ruta desde aquí hasta esa red${isPrivate ? ", y es una dirección privada" : ""}`,
      ),
    );
    add("timeout-host-down", "low", said("or the host's network is down", "o la red del host está caída"));
    return;
  }
  if (facts.listeners?.accepts && facts.listeners.waiting > 0) {
    // On this very machine a SYN to a listening port is dropped by a firewall, or by the kernel
    // when the listener's accept queue is full: connections waiting there say which.
    add(
      "timeout-server-backlog-full",
      "high",
      said(
        `${what.en}; ${facts.listeners.summary.en}: the process is not accepting, and once its backlog is full the kernel drops every new SYN`,
        `${what.es}; ${facts.listeners.summary.es}: el proceso no acepta, y con su cola (backlog) llena el núcleo descarta cada SYN nuevo`,
      ),
    );
    return;
  }
  if (facts.listeners) {
    // On this very machine, with no connection waiting to be accepted, only a firewall drops a
    // SYN to a listening or closed port.
    add(
      "timeout-firewall",
      "high",
      said(
        `${what.en}; the address is this machine's, so a local firewall drops it`,
        `${what.es}; la dirección es de esta máquina, así que la descarta un cortafuegos local`,
      ),
    );
    return;
  }
  if (first.outcome === "host-unreachable") {
    diagnoseHostUnreachable(facts, add, what, first.elapsedMs);
    return;
  }
  if (isPrivate && !facts.onLocalSubnet)
    add(
      "timeout-internal-ip",
      "medium",
      said(
        `${first.address} is a private address: reachable only from its own network`,
        `${first.address} es una dirección privada: solo se alcanza desde su propia red`,
      ),
    );
  add(
    "timeout-firewall",
    "medium",
    said(
      `${what.en}; a firewall that drops and a host that is down look the same on the wire: check the firewall first`,
      `${what.es}; un cortafuegos que descarta y un host caído se ven igual en la red: mira primero el cortafuegos`,
    ),
  );
  // Off this machine's subnet a host that is down is silent only where the last router filters
  // its ICMP host-unreachable (cloud networks): the routed page, not the LAN's.
  add(
    hostDownWhere(facts),
    "medium",
    said(
      "check the host is up (ping, the provider's console)",
      "comprueba que el host está encendido (ping, la consola del proveedor)",
    ),
  );
  add(
    "timeout-security-group",
    "medium",
    said(
      "on a cloud server, check the provider's security group opens this port",
      "en un servidor en la nube, comprueba que el grupo de seguridad del proveedor abre este puerto",
    ),
  );
  add(
    "timeout-panel-firewall",
    "low",
    said(
      "a hosting panel (aaPanel/Baota…) keeps its own firewall: open the port there too",
      "un panel de hosting (aaPanel/Baota…) tiene su propio cortafuegos: abre el puerto también allí",
    ),
  );
  add(
    "timeout-server-backlog-full",
    "low",
    said(
      "if the port listens, check its queue on the server (ss -ltn: Recv-Q above Send-Q): a process that stopped accepting has its SYNs dropped the same way",
      "si el puerto escucha, mira su cola en el servidor (ss -ltn: Recv-Q mayor que Send-Q): a un proceso que dejó de aceptar le descartan los SYN igual",
    ),
  );
}

/**
 * Where a host that is down was looked for: on this machine's own subnet its ARP is ours
 * (timeout-host-down); anywhere else it is the last router's, which answers ICMP
 * host-unreachable or stays silent (timeout-host-down-routed).
 */
function hostDownWhere(facts: Facts): NamedCause {
  return facts.onLocalSubnet ? "timeout-host-down" : "timeout-host-down-routed";
}

/**
 * EHOSTUNREACH has two sources that its timing tells apart. After ~3 s: nobody answered ARP for
 * the address (this machine's neighbour entry went FAILED or, off its subnet, the ICMP
 * host-unreachable came from the last router, whose entry did), so no host has it. At once: a
 * firewall rejecting with an ICMP host-unreachable/-prohibited, before any ARP could have failed.
 */
function diagnoseHostUnreachable(facts: Facts, add: Add, what: Said, elapsedMs: number): void {
  const arpGaveUp = elapsedMs >= arpGiveUpMs - 1_000;
  const where = facts.onLocalSubnet
    ? said("on this machine's own subnet", "en la propia subred de esta máquina")
    : said(
        `on the last router's subnet (${facts.connects[0]?.address} is not on this machine's subnet, so the ICMP came from that router)`,
        `en la subred del último router (${facts.connects[0]?.address} no está en la subred de esta máquina, así que el ICMP vino de ese router)`,
      );
  if (arpGaveUp) {
    add(
      hostDownWhere(facts),
      "high",
      said(
        `${what.en}: about 3 s of unanswered ARP ${where.en}: no host has that address`,
        `${what.es}: unos 3 s de ARP sin respuesta ${where.es}: ningún host tiene esa dirección`,
      ),
    );
    add(
      "timeout-firewall",
      "low",
      said(
        "a firewall's ICMP reject would have come at once, not after ARP gave up",
        "el rechazo ICMP de un cortafuegos habría llegado al instante, no tras rendirse ARP",
      ),
    );
  } else {
    add(
      "timeout-firewall",
      "high",
      said(
        `${what.en}: an immediate ICMP host-unreachable is a firewall's reject (no ARP had time to fail)`,
        `${what.es}: un ICMP host-unreachable inmediato es el rechazo de un cortafuegos (ARP no tuvo tiempo de fallar)`,
      ),
    );
    add(
      hostDownWhere(facts),
      "medium",
      said(
        "or a router in between already knew nobody answers there",
        "o un router intermedio ya sabía que allí no responde nadie",
      ),
    );
  }
  add(
    "timeout-security-group",
    "low",
    said(
      "on a cloud server, check the provider's security group opens this port",
      "en un servidor en la nube, comprueba que el grupo de seguridad del proveedor abre este puerto",
    ),
  );
}

function diagnoseAddrNotAvail(facts: Facts, add: Add): void {
  const p = facts.pressure;
  const range = p.range ? { size: p.range.size, span: `(${p.range.low}–${p.range.high})` } : undefined;
  const timeWaitFirst = p.timeWait > p.established;
  add(
    "addrnotavail-ephemeral-ports",
    timeWaitFirst ? "medium" : "high",
    said(
      `no free local port: ${range ? `ip_local_port_range has ${range.size} ports ${range.span}` : "the port range is unknown"}; ${p.established} ESTABLISHED and ${p.timeWait} TIME_WAIT toward the target`,
      `ningún puerto local libre: ${range ? `ip_local_port_range tiene ${range.size} puertos ${range.span}` : "no se conoce el rango de puertos"}; ${p.established} ESTABLISHED y ${p.timeWait} TIME_WAIT hacia el destino`,
    ),
  );
  add(
    "addrnotavail-time-wait",
    timeWaitFirst ? "high" : "medium",
    said(
      `${p.timeWait} closed connections still hold their port in TIME_WAIT`,
      `${p.timeWait} conexiones cerradas aún retienen su puerto en TIME_WAIT`,
    ),
  );
}

function pressureWarning(facts: Facts, add: Add): void {
  const p = facts.pressure;
  if (p.usedShare < 0.5 || !p.range) return;
  const id: NamedCause =
    p.timeWait > p.established ? "addrnotavail-time-wait" : "addrnotavail-ephemeral-ports";
  add(
    id,
    "low",
    said(
      `connected, but ${p.established + p.timeWait} of ${p.range.size} local ports are held toward this target: close to running out`,
      `conectado, pero ${p.established + p.timeWait} de ${p.range.size} puertos locales están retenidos hacia este destino: a punto de agotarse`,
    ),
  );
}

function handshakeGot(detail: Said): Said {
  return said(`the WebSocket handshake got ${detail.en}`, `la negociación WebSocket obtuvo: ${detail.es}`);
}
