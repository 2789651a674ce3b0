import { createHash, randomBytes } from "node:crypto";
import { Socket } from "node:net";
import { type DetailedPeerCertificate, type TLSSocket, connect as tlsConnect } from "node:tls";
import { type Answer, classifyAnswer, preview, wantsWebSocket } from "./answer.ts";
import { stopwatch } from "./bounded.ts";
import { type Said, said } from "./said.ts";
import { type DoctorTarget, hostPort } from "./target.ts";

/** What the port turned out to speak, compared with what the target's scheme expects. */
export type SniffKind =
  | "websocket" // 101 Switching Protocols with a valid Sec-WebSocket-Accept
  | "subprotocol-unanswered" // that 101, without one of the subprotocols asked for
  | "http" // an HTTP status; `upgradeOffered` when it says "WebSocket only" (426 / Upgrade header)
  | "tls-on-plain" // plain text sent, the port wants TLS
  | "plain-on-tls" // TLS handshake sent, the port answered in plain text
  | "non-http" // bytes that are not HTTP (a line protocol, a banner…)
  | "silent-close" // closed or reset without a byte
  | "no-answer" // kept the connection open and said nothing within the timeout
  | "large-hello-lost" // TLS: the default ClientHello got no answer, a small one completed
  | "tcp-open"; // tcp:// targets: connected, nothing more is expected

/**
 * What a client with Node's default trust store would say of the server's certificate: the
 * doctor completes the handshake whatever the certificate, then reads Node's own verdict on it.
 */
export interface CertificateCheck {
  readonly authorized: boolean;
  /** Node's code: SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE, ERR_TLS_CERT_ALTNAME_INVALID… */
  readonly error?: string;
  /** How many certificates the server sent (its own first). */
  readonly sent: number;
}

export interface Sniff {
  readonly kind: SniffKind;
  /** Whether this is what the scheme expects (exit 0 when the connect worked too). */
  readonly matches: boolean;
  readonly status?: number;
  readonly upgradeOffered?: boolean;
  /** TLS targets whose handshake completed: whether the certificate verifies. */
  readonly certificate?: CertificateCheck;
  /** One line for the report: what was sent and what came back. */
  readonly detail: Said;
  readonly elapsedMs: number;
}

const wsGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"; // RFC 6455 §1.3

type Exchange = { bytes: Buffer; end: "answer" | "close" | "timeout" | "error"; error?: string };

/** Writes `request` (if any) and reads until the answer can be classified, the peer closes, or time runs out. */
function exchange(socket: Socket | TLSSocket, request: string | null, timeoutMs: number): Promise<Exchange> {
  return new Promise((resolve) => {
    let bytes = Buffer.alloc(0);
    const finish = (end: Exchange["end"], error?: string) => {
      clearTimeout(timer);
      socket.removeAllListeners("data");
      socket.destroy();
      resolve({ bytes, end, ...(error ? { error } : {}) });
    };
    const timer = setTimeout(() => finish(bytes.length > 0 ? "answer" : "timeout"), timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      bytes = Buffer.concat([bytes, chunk]);
      const answer = classifyAnswer(bytes);
      const whole = answer.kind !== "http" || bytes.includes("\r\n\r\n");
      if ((answer.kind !== "incomplete" && whole) || bytes.length > 16_384) finish("answer");
    });
    socket.once("end", () => finish(bytes.length > 0 ? "answer" : "close"));
    socket.once("close", () => finish(bytes.length > 0 ? "answer" : "close"));
    socket.once("error", (error: NodeJS.ErrnoException) =>
      finish(bytes.length > 0 ? "answer" : "error", error.code ?? error.message),
    );
    if (request !== null) socket.write(request);
  });
}

function connectPlain(address: string, port: number): Socket {
  const socket = new Socket();
  socket.on("error", () => {}); // reported through exchange()
  socket.connect({ host: address, port, autoSelectFamily: false });
  return socket;
}

type Handshake = {
  socket?: TLSSocket;
  error?: string;
  bytesBeforeError?: boolean;
  /** The bytes this end sent, its ClientHello (and Finished, when the handshake completed). */
  sentBytes: number;
};

/**
 * The certificates the server sent, counted along the issuer links Node exposes (a self-issued
 * one links to itself), and Node's verdict, which it computes even when it does not reject.
 */
export function certificateCheck(socket: TLSSocket): CertificateCheck {
  let sent = 0;
  const seen = new Set<string>();
  for (
    let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
    cert?.fingerprint256 && !seen.has(cert.fingerprint256);
    cert = cert.issuerCertificate
  ) {
    seen.add(cert.fingerprint256);
    sent += 1;
  }
  const error = socket.authorizationError;
  return {
    authorized: socket.authorized,
    ...(error
      ? {
          error:
            typeof error === "string" ? error : ((error as Error & { code?: string }).code ?? error.message),
        }
      : {}),
    sent,
  };
}

/**
 * A TLS handshake that accepts any certificate: the doctor first asks "is this TLS?"; whether it
 * is trusted is read afterwards (certificateCheck). `small`: a ClientHello that offers one key
 * share, X25519's 32 bytes, instead of the default's post-quantum one of over a kilobyte.
 */
function handshake(
  address: string,
  port: number,
  servername: string,
  timeoutMs: number,
  small = false,
): Promise<Handshake> {
  return new Promise((resolve) => {
    // Over a socket of our own, whose byte count is what went on the wire.
    const raw = connectPlain(address, port);
    const socket = tlsConnect({
      socket: raw,
      rejectUnauthorized: false,
      ALPNProtocols: ["http/1.1"],
      ...(servername !== "" ? { servername } : {}),
      ...(small ? { ecdhCurve: "X25519" } : {}),
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ error: "ETIMEDOUT", sentBytes: raw.bytesWritten });
    }, timeoutMs);
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      resolve({ socket, sentBytes: raw.bytesWritten });
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ error: error.code ?? error.message, sentBytes: raw.bytesWritten });
    });
  });
}

/**
 * A default ClientHello that got no answer: a small one tells a path that loses large packets
 * (a path-MTU black hole: the first full-sized segment of the connection is the ClientHello)
 * from a server that never answers TLS. It gets a bound of its own, so this check can take
 * twice the doctor's.
 */
async function smallHelloAnswered(
  address: string,
  port: number,
  servername: string,
  timeoutMs: number,
  large: Handshake,
): Promise<Omit<Sniff, "elapsedMs"> | undefined> {
  const small = await handshake(address, port, servername, timeoutMs, true);
  small.socket?.destroy();
  if (!small.socket) return undefined;
  return {
    kind: "large-hello-lost",
    matches: false,
    detail: said(
      `a ${large.sentBytes}-byte TLS ClientHello got no answer; with one small key share instead (${small.sentBytes} bytes sent in all) the handshake completed: packets that large are lost on the path`,
      `un ClientHello de TLS de ${large.sentBytes} bytes no obtuvo respuesta; con una sola clave pequeña (${small.sentBytes} bytes enviados en total) la negociación terminó: los paquetes así de grandes se pierden por el camino`,
    ),
  };
}

/** What the doctor asks besides the handshake itself: the subprotocols a client would ask for. */
export interface SniffOptions {
  readonly protocols?: readonly string[];
}

function request(target: DoctorTarget, key: string, options: SniffOptions = {}): string {
  const defaultPort = target.tls ? 443 : 80;
  const host =
    target.port === defaultPort
      ? hostPort(target.host, 0).replace(/:0$/, "")
      : hostPort(target.host, target.port);
  const lines = [`GET ${target.path} HTTP/1.1`, `Host: ${host}`, "User-Agent: connlab-doctor"];
  if (target.scheme === "ws" || target.scheme === "wss") {
    lines.push(
      "Upgrade: websocket",
      "Connection: Upgrade",
      `Sec-WebSocket-Key: ${key}`,
      "Sec-WebSocket-Version: 13",
    );
    if (options.protocols?.length) lines.push(`Sec-WebSocket-Protocol: ${options.protocols.join(", ")}`);
  } else lines.push("Connection: close");
  return `${lines.join("\r\n")}\r\n\r\n`;
}

/** Classifies an exchange that carried our HTTP or WebSocket request. */
function judgeAnswer(
  target: DoctorTarget,
  ex: Exchange,
  key: string,
  options: SniffOptions = {},
): Omit<Sniff, "elapsedMs"> | "silent" {
  if (ex.bytes.length === 0) return ex.end === "timeout" ? noAnswer(target) : "silent";
  const answer: Answer = classifyAnswer(ex.bytes);
  if (answer.kind === "tls")
    return {
      kind: "tls-on-plain",
      matches: false,
      detail: said(
        "answered plain text with a TLS record: the port speaks TLS",
        "respondió al texto plano con un registro TLS: el puerto habla TLS",
      ),
    };
  if (answer.kind !== "http")
    return {
      kind: "non-http",
      matches: false,
      detail: said(
        `answered with non-HTTP bytes: "${preview(ex.bytes)}"`,
        `respondió con bytes que no son HTTP: "${preview(ex.bytes)}"`,
      ),
    };
  const upgradeOffered = wantsWebSocket(answer);
  const base = { status: answer.status, upgradeOffered };
  if (target.scheme === "ws" || target.scheme === "wss") {
    const expected = createHash("sha1")
      .update(key + wsGuid)
      .digest("base64");
    if (answer.status === 101 && answer.headers["sec-websocket-accept"] === expected) {
      // RFC 6455 §4.1: a client that asked for subprotocols fails unless the 101 names one of them.
      const chosen = answer.headers["sec-websocket-protocol"];
      if (options.protocols?.length && !(chosen !== undefined && options.protocols.includes(chosen))) {
        return {
          kind: "subprotocol-unanswered",
          matches: false,
          ...base,
          detail: said(
            `asked for Sec-WebSocket-Protocol: ${options.protocols.join(", ")}; the 101 ${chosen === undefined ? "names none" : `names "${chosen}"`}`,
            `pidió Sec-WebSocket-Protocol: ${options.protocols.join(", ")}; el 101 ${chosen === undefined ? "no nombra ninguno" : `nombra "${chosen}"`}`,
          ),
        };
      }
      return {
        kind: "websocket",
        matches: true,
        ...base,
        detail: said(
          `WebSocket handshake accepted: ${answer.statusLine}`,
          `negociación WebSocket aceptada: ${answer.statusLine}`,
        ),
      };
    }
    const detail =
      answer.status === 101
        ? said(
            `plain HTTP, 101 without a valid Sec-WebSocket-Accept: ${answer.statusLine}`,
            `HTTP sin más, un 101 sin Sec-WebSocket-Accept válido: ${answer.statusLine}`,
          )
        : said(
            `plain HTTP, no upgrade: ${answer.statusLine}`,
            `HTTP sin más, sin upgrade: ${answer.statusLine}`,
          );
    return { kind: "http", matches: false, ...base, detail };
  }
  const upgrade = answer.headers.upgrade ? ` (Upgrade: ${answer.headers.upgrade})` : "";
  const detail = upgradeOffered
    ? said(`WebSocket only: ${answer.statusLine}${upgrade}`, `solo WebSocket: ${answer.statusLine}${upgrade}`)
    : said(`HTTP answered: ${answer.statusLine}`, `respondió HTTP: ${answer.statusLine}`);
  return { kind: "http", matches: !upgradeOffered, ...base, detail };
}

function noAnswer(target: DoctorTarget): Omit<Sniff, "elapsedMs"> {
  const ws = target.scheme === "ws" || target.scheme === "wss";
  return {
    kind: "no-answer",
    matches: false,
    detail: ws
      ? said(
          "no answer to a WebSocket handshake: the port does not speak HTTP",
          "ninguna respuesta a la negociación WebSocket: el puerto no habla HTTP",
        )
      : said(
          "no answer to an HTTP request: the port does not speak HTTP",
          "ninguna respuesta a una petición HTTP: el puerto no habla HTTP",
        ),
  };
}

/**
 * Speaks what the scheme expects on one connected address and classifies the answer: a WebSocket
 * 101, plain HTTP, TLS where plain was expected or the reverse, non-HTTP bytes, a silent close.
 */
export async function sniff(
  target: DoctorTarget,
  address: string,
  timeoutMs: number,
  options: SniffOptions = {},
): Promise<Sniff> {
  const elapsed = stopwatch();
  const key = randomBytes(16).toString("base64");
  const servername = target.ipVersion === 0 ? target.host : "";
  if (target.scheme === "tcp") {
    // Nothing to say in an unknown protocol: report a banner if the server greets within 300 ms.
    const ex = await exchange(connectPlain(address, target.port), null, Math.min(300, timeoutMs));
    const greeting = preview(ex.bytes);
    return {
      kind: "tcp-open",
      matches: true,
      detail:
        ex.bytes.length > 0
          ? said(
              `TCP connection accepted; it greeted with "${greeting}"`,
              `conexión TCP aceptada; saludó con "${greeting}"`,
            )
          : said("TCP connection accepted", "conexión TCP aceptada"),
      elapsedMs: elapsed(),
    };
  }
  if (!target.tls) {
    const ex = await exchange(connectPlain(address, target.port), request(target, key, options), timeoutMs);
    const judged = judgeAnswer(target, ex, key, options);
    if (judged !== "silent") return { ...judged, elapsedMs: elapsed() };
    // A TLS server fed plain text usually hangs up without a word: ask it for a handshake.
    const tls = await handshake(address, target.port, servername, Math.max(1, timeoutMs - elapsed()));
    tls.socket?.destroy();
    if (tls.socket) {
      return {
        kind: "tls-on-plain",
        matches: false,
        detail: said(
          "closed on plain text, but a TLS handshake succeeds: the port speaks TLS",
          "cerró ante texto plano, pero una negociación TLS funciona: el puerto habla TLS",
        ),
        elapsedMs: elapsed(),
      };
    }
    return {
      kind: "silent-close",
      matches: false,
      detail: said(
        `closed the connection without a byte (${ex.error ?? "FIN"})`,
        `cerró la conexión sin enviar un byte (${ex.error ?? "FIN"})`,
      ),
      elapsedMs: elapsed(),
    };
  }
  const tls = await handshake(address, target.port, servername, timeoutMs);
  if (!tls.socket) {
    const lost =
      tls.error === "ETIMEDOUT"
        ? await smallHelloAnswered(address, target.port, servername, timeoutMs, tls)
        : undefined;
    if (lost) return { ...lost, elapsedMs: elapsed() };
    if (tls.error === "ETIMEDOUT")
      return {
        kind: "no-answer",
        matches: false,
        detail: said("no answer to a TLS ClientHello", "ninguna respuesta a un ClientHello de TLS"),
        elapsedMs: elapsed(),
      };
    // Say what the port speaks instead: a plain HTTP request tells a web server from anything else.
    const plainTarget = { ...target, scheme: target.scheme === "wss" ? "ws" : "http", tls: false } as const;
    const ex = await exchange(
      connectPlain(address, target.port),
      request(plainTarget, key),
      Math.max(1, timeoutMs - elapsed()),
    );
    const plain = judgeAnswer(plainTarget, ex, key);
    if (plain === "silent" && /ECONNRESET|socket disconnected/i.test(tls.error ?? "")) {
      return {
        kind: "silent-close",
        matches: false,
        detail: said(
          `closed during the TLS handshake (${tls.error})`,
          `cerró durante la negociación TLS (${tls.error})`,
        ),
        elapsedMs: elapsed(),
      };
    }
    const speaks: Said =
      plain === "silent"
        ? said("nothing", "nada")
        : plain.kind === "http" || plain.kind === "websocket"
          ? said(
              `plain HTTP (${plain.detail.en.replace(/^[^:]*: /, "")})`,
              `HTTP sin cifrar (${plain.detail.es.replace(/^[^:]*: /, "")})`,
            )
          : plain.detail;
    return {
      kind: "plain-on-tls",
      matches: false,
      detail: said(
        `TLS handshake failed (${tls.error}); in plain text the port speaks ${speaks.en}`,
        `la negociación TLS falló (${tls.error}); en texto plano el puerto habla ${speaks.es}`,
      ),
      elapsedMs: elapsed(),
    };
  }
  const certificate = certificateCheck(tls.socket);
  const sentCount = `${certificate.sent} certificate${certificate.sent === 1 ? "" : "s"} sent`;
  const untrusted = certificate.authorized
    ? said("", "")
    : said(
        ` (certificate not trusted: ${certificate.error ?? "unverified"}, ${sentCount})`,
        ` (certificado no confiable: ${certificate.error ?? "sin verificar"}, ${certificate.sent} certificado${certificate.sent === 1 ? "" : "s"} enviado${certificate.sent === 1 ? "" : "s"})`,
      );
  const ex = await exchange(tls.socket, request(target, key, options), Math.max(1, timeoutMs - elapsed()));
  const judged = judgeAnswer(target, ex, key, options);
  if (judged === "silent")
    return {
      kind: "silent-close",
      matches: false,
      detail: said(
        `TLS up${untrusted.en}, then closed without answering`,
        `TLS establecido${untrusted.es}, luego cerró sin responder`,
      ),
      certificate,
      elapsedMs: elapsed(),
    };
  // A client that verifies (every one, by default) stops at the certificate: no match.
  return {
    ...judged,
    matches: judged.matches && certificate.authorized,
    certificate,
    detail: said(
      `TLS ok${untrusted.en}; ${judged.detail.en}`,
      `TLS correcto${untrusted.es}; ${judged.detail.es}`,
    ),
    elapsedMs: elapsed(),
  };
}
