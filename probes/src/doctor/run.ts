import { existsSync } from "node:fs";
import { arpGiveUpMs, getScenario } from "@connlab/scenarios";
import { commandNames, socketOwners } from "@connlab/servers/descriptors";
import { stopwatch } from "./bounded.ts";
import { type ConnectResult, tcpConnect } from "./connect.ts";
import { type DescriptorFinding, listenerDescriptors } from "./descriptors.ts";
import { type GuideLocale, guideUrl } from "./guide-url.ts";
import { type IdleWatch, watchIdle } from "./idle.ts";
import {
  analyseListeners,
  isLocalAddress,
  type ListenerFinding,
  onLocalSubnet,
  readBindV6Only,
  withOwners,
} from "./listeners.ts";
import { measurePressure, readPortRange } from "./pressure.ts";
import { readSockets } from "./proc-net.ts";
import { findProxy } from "./proxy.ts";
import { type LookupAll, resolveTarget } from "./resolve.ts";
import { joined, type Said, said } from "./said.ts";
import { type Sniff, sniff } from "./sniff.ts";
import { checkSocketIo, type SocketIoSession } from "./socketio.ts";
import { type DoctorTarget, hostPort, parseTarget } from "./target.ts";
import { type Confidence, type Facts, rank, type VerdictCategory } from "./verdict.ts";

/**
 * Past the kernel's ARP giving up (~3 s) with room for the ICMP host-unreachable to come back
 * from the last router: a bound equal to ARP's would race it and report our own timeout where
 * the network said "no host has that address".
 */
export const defaultDoctorTimeoutMs = arpGiveUpMs + 2_000;
/** Resolvers can return many addresses; the doctor connects to at most this many. */
const maxAddresses = 4;

/** The checks, in the order they run; `check` names one in JSON, `name` is its label in the locale. */
export type DoctorCheck =
  | "target"
  | "proxy"
  | "resolve"
  | "connect"
  | "proxy connect"
  | "protocol"
  | "idle"
  | "socket.io"
  | "listeners"
  | "descriptors"
  | "local ports";

const checkNames: Record<DoctorCheck, Said> = {
  target: said("target", "destino"),
  proxy: said("proxy", "proxy"),
  resolve: said("resolve", "resolución"),
  connect: said("connect", "conexión"),
  "proxy connect": said("proxy connect", "conexión al proxy"),
  protocol: said("protocol", "protocolo"),
  idle: said("idle", "inactividad"),
  "socket.io": said("socket.io session", "sesión socket.io"),
  listeners: said("listeners", "escuchas"),
  descriptors: said("descriptors", "descriptores"),
  "local ports": said("local ports", "puertos locales"),
};

export interface DoctorStep {
  readonly check: DoctorCheck;
  /** The check's label in the report's locale, with the address for each connect. */
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly elapsedMs: number;
}

export interface DoctorCause {
  readonly id: string;
  readonly confidence: Confidence;
  readonly evidence: string;
  readonly fix: string;
  readonly docs: string;
}

/** The report, in exactly the shape `doctor --json` prints (issue 7). */
export interface DoctorReport {
  readonly target: string;
  readonly steps: readonly DoctorStep[];
  readonly verdict: { readonly category: VerdictCategory; readonly causes: readonly DoctorCause[] };
}

export interface DoctorOptions {
  readonly timeoutMs?: number;
  readonly expectIp?: string;
  /** The subprotocols the reader's client asks for (ws:// and wss:// targets). */
  readonly protocols?: readonly string[];
  /**
   * ws:// and wss:// targets whose handshake works: keep a WebSocket open and silent this long,
   * to see whether something on the path closes it (a proxy's idle limit). Absent: no watch.
   */
  readonly idleMs?: number;
  /**
   * http(s):// targets that serve Socket.IO: open a session at /socket.io/ and poll it, to see
   * whether its requests reach the server that holds it (a load balancer without stickiness).
   */
  readonly socketIo?: boolean;
  readonly locale?: GuideLocale;
  /** The published guide (CONNLAB_SITE_URL); without it, `docs` is the page's path. */
  readonly guideUrl?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Name resolution; getaddrinfo unless a test stands in for /etc/hosts. */
  readonly lookup?: LookupAll;
  /** Called when a check starts (to show a spinner) and when it ends (to print its line). */
  readonly onStart?: (name: string, check: DoctorCheck) => void;
  readonly onStep?: (step: DoctorStep) => void;
}

/** Exit code of `connlab doctor`: 0 connected and the protocol matches, 1 a problem was found. */
export function exitCodeOf(report: DoctorReport): 0 | 1 {
  return report.verdict.category === "ok" ? 0 : 1;
}

/**
 * Runs every check in order, each bounded by `timeoutMs`, and ranks the causes. Throws
 * TargetError (bad usage) for input it cannot parse; every network failure is a finding instead.
 */
export async function runDoctor(input: string, options: DoctorOptions = {}): Promise<DoctorReport> {
  const timeoutMs = options.timeoutMs ?? defaultDoctorTimeoutMs;
  const env = options.env ?? process.env;
  const locale = options.locale ?? "es";
  const steps: DoctorStep[] = [];
  async function step<T>(
    check: DoctorCheck,
    work: () => Promise<T>,
    describe: (value: T) => [boolean, Said | string],
    at?: string,
  ) {
    const name = at === undefined ? checkNames[check][locale] : `${checkNames[check][locale]} ${at}`;
    options.onStart?.(name, check);
    const elapsed = stopwatch();
    const value = await work();
    const [ok, detail] = describe(value);
    const done = {
      check,
      name,
      ok,
      detail: typeof detail === "string" ? detail : detail[locale],
      elapsedMs: elapsed(),
    };
    steps.push(done);
    options.onStep?.(done);
    return value;
  }

  const target = await step(
    "target",
    async () => parseTarget(input),
    (t) => [true, `${t.scheme}://${hostPort(t.host, t.port)}${t.scheme === "tcp" ? "" : t.path}`],
  );
  const proxy = await step(
    "proxy",
    async () => findProxy(target, env),
    (p) => {
      if (p.proxy) {
        const set = `${p.proxy.variable}=${p.proxy.value}`;
        return [
          false,
          said(
            `${set} applies: the client connects to the proxy`,
            `${set} se aplica: el cliente se conecta al proxy`,
          ),
        ];
      }
      if (p.bypassedBy)
        return [
          true,
          said(
            `proxy set, but NO_PROXY entry "${p.bypassedBy}" exempts this target`,
            `hay proxy, pero la entrada "${p.bypassedBy}" de NO_PROXY exime a este destino`,
          ),
        ];
      const set = p.set.join(", ");
      return [
        true,
        p.set.length > 0
          ? said(
              `${set} set, none applies to ${target.scheme}://`,
              `${set} definidas, ninguna se aplica a ${target.scheme}://`,
            )
          : said("no proxy variable set", "ninguna variable de proxy definida"),
      ];
    },
  );
  // The proxy is checked alongside the target: both connects share the same time budget.
  const proxyWork =
    proxy.proxy?.host !== undefined && proxy.proxy.port !== undefined
      ? proxyConnect(proxy.proxy.host, proxy.proxy.port, timeoutMs)
      : Promise.resolve(undefined);
  const resolution = await step(
    "resolve",
    () => resolveTarget(target, timeoutMs, options.lookup),
    (r) => describeResolution(target, r.addresses, r.error, options.expectIp),
  );
  const addresses = resolution.addresses.slice(0, maxAddresses);
  const connects = await Promise.all(
    addresses.map((a, i) =>
      step(
        "connect",
        // Later addresses start with a tiny stagger so the step list keeps the resolver's order.
        () =>
          new Promise<ConnectResult>((r) =>
            setTimeout(() => r(tcpConnect(a.address, target.port, timeoutMs)), i),
          ),
        (c) => [c.outcome === "connected", describeConnect(c)],
        hostPort(a.address, target.port),
      ),
    ),
  );
  const proxyConnectResult = proxy.proxy
    ? await step(
        "proxy connect",
        () => proxyWork,
        (c) =>
          c
            ? [c.outcome === "connected", describeProxyConnect(c)]
            : [false, said("proxy URL unusable", "URL de proxy inutilizable")],
      )
    : undefined;
  const firstConnected = connects.find((c) => c.outcome === "connected");
  let sniffed: Sniff | undefined;
  if (firstConnected) {
    sniffed = await step(
      "protocol",
      () =>
        sniff(target, firstConnected.address, timeoutMs, {
          ...(options.protocols ? { protocols: options.protocols } : {}),
        }),
      (s) => [s.matches, s.detail],
    );
  }
  let idle: IdleWatch | undefined;
  const { idleMs } = options;
  if (firstConnected && idleMs && sniffed?.kind === "websocket" && sniffed.matches) {
    idle = await step(
      "idle",
      () => watchIdle(target, firstConnected.address, idleMs, options.protocols),
      (w) => [w.outcome === "open", w.detail],
    );
  }
  let socketIo: SocketIoSession | undefined;
  if (firstConnected && options.socketIo && sniffed?.matches) {
    socketIo = await step(
      "socket.io",
      () => checkSocketIo(target, timeoutMs),
      (session) => [session.outcome === "kept", session.detail],
    );
  }
  const sockets = await readSockets();
  const first = addresses[0];
  let listeners: ListenerFinding | undefined;
  // The sockets listening on the target's port here: whose process the next two checks look at.
  const onPort = [...sockets.v4, ...sockets.v6].filter(
    (s) => s.state === "LISTEN" && s.localPort === target.port,
  );
  // Their processes, by inode: one search of /proc serves both.
  let owners = new Map<number, number>();
  if (first && isLocalAddress(first.address)) {
    listeners = await step(
      "listeners",
      async () => {
        const found = analyseListeners(sockets, first.address, target.port, await readBindV6Only());
        owners = await socketOwners(
          onPort.map((s) => s.inode),
          "/proc",
          timeoutMs,
        );
        return withOwners(found, await commandNames(owners.values()));
      },
      (l) => [l.accepts, l.summary],
    );
  }
  // A port that listens here and closed the connection without a byte: is its process out of
  // file descriptors? (Node accepts and closes each connection then, and logs nothing.)
  let descriptors: DescriptorFinding | undefined;
  if (listeners && listeners.listening.length > 0 && sniffed?.kind === "silent-close") {
    descriptors = await step(
      "descriptors",
      () => listenerDescriptors(onPort, owners),
      (d) => [!d.exhausted, d.summary],
    );
  }
  const pressure = await step(
    "local ports",
    async () =>
      measurePressure(
        [...sockets.v4, ...sockets.v6],
        await readPortRange(),
        addresses.map((a) => a.address),
        target.port,
      ),
    (p) => {
      const span = p.range ? `(${p.range.low}–${p.range.high})` : "";
      const held = `${p.established} ESTABLISHED, ${p.timeWait} TIME_WAIT`;
      return [
        p.usedShare < 0.5,
        said(
          `${p.range ? `${p.range.size} ephemeral ports ${span}` : "port range unknown"}; toward the target: ${held}`,
          `${p.range ? `${p.range.size} puertos efímeros ${span}` : "rango de puertos desconocido"}; hacia el destino: ${held}`,
        ),
      ];
    },
  );

  const facts: Facts = {
    target,
    proxy,
    resolution,
    connects,
    pressure,
    onLocalSubnet: first !== undefined && onLocalSubnet(first.address),
    inContainer: ["/.dockerenv", "/run/.containerenv"].some((marker) => existsSync(marker)),
    ...(proxyConnectResult ? { proxyConnect: proxyConnectResult } : {}),
    ...(options.expectIp !== undefined ? { expectIp: options.expectIp } : {}),
    ...(sniffed ? { sniff: sniffed } : {}),
    ...(idle ? { idle } : {}),
    ...(socketIo ? { socketIo } : {}),
    ...(listeners ? { listeners } : {}),
    ...(descriptors ? { descriptors } : {}),
  };
  const ranking = rank(facts);
  return {
    target: input,
    steps,
    verdict: {
      category: ranking.category,
      causes: ranking.causes.map((c) => ({
        ...c,
        evidence: c.evidence[locale],
        fix: getScenario(c.id).fix.summary[locale],
        docs: guideUrl(c.id, locale, options.guideUrl),
      })),
    },
  };
}

async function proxyConnect(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<ConnectResult | undefined> {
  const proxyTarget = parseTarget(`tcp://${hostPort(host, port)}`);
  const r = await resolveTarget(proxyTarget, timeoutMs);
  const address = r.addresses[0]?.address;
  if (address === undefined)
    return { address: host, port, outcome: "error", code: r.error ?? "ENOTFOUND", elapsedMs: 0 };
  return tcpConnect(address, port, timeoutMs);
}

const outcomeWords: Record<ConnectResult["outcome"], Said> = {
  connected: said("connected", "conectado"),
  refused: said("refused (RST)", "rechazado (RST)"),
  timeout: said("timed out (no answer)", "tiempo de espera agotado (sin respuesta)"),
  "host-unreachable": said("host unreachable", "host inalcanzable"),
  "network-unreachable": said("network unreachable", "red inalcanzable"),
  "address-not-available": said("cannot assign requested address", "no se puede asignar la dirección pedida"),
  error: said("failed", "falló"),
};

/** The proxy's own connect, the same words with its address in front (in both languages). */
function describeProxyConnect(c: ConnectResult): Said {
  const { en, es } = describeConnect(c);
  const at = hostPort(c.address, c.port);
  return said(`proxy ${at}: ${en}`, `proxy ${at}: ${es}`);
}

function describeConnect(c: ConnectResult): Said {
  const words = outcomeWords[c.outcome];
  const code = c.outcome === "connected" ? "" : ` ${c.code}`;
  return said(`${words.en}${code} in ${c.elapsedMs} ms`, `${words.es}${code} en ${c.elapsedMs} ms`);
}

function describeResolution(
  target: DoctorTarget,
  addresses: readonly { address: string; family: 4 | 6 }[],
  error: string | undefined,
  expectIp: string | undefined,
): [boolean, Said] {
  if (addresses.length === 0)
    return [
      false,
      said(
        `${target.host} does not resolve (${error ?? "no address"})`,
        `${target.host} no se resuelve (${error ?? "sin dirección"})`,
      ),
    ];
  const list = addresses.map((a) => a.address).join(", ");
  const notes: Said[] = [];
  if (target.ipVersion !== 0)
    notes.push(said("an address literal, no lookup", "una dirección literal, sin consulta"));
  if (addresses.length > maxAddresses)
    notes.push(
      said(`only the first ${maxAddresses} are tried`, `solo se prueban las ${maxAddresses} primeras`),
    );
  if (target.host === "localhost" && addresses[0]?.family === 6) {
    notes.push(
      said(
        "::1 first: clients that try only the first address use IPv6",
        "::1 primero: los clientes que solo prueban la primera dirección usan IPv6",
      ),
    );
  }
  let ok = true;
  if (expectIp !== undefined) {
    const matches = addresses.some((a) => a.address === expectIp);
    ok = matches;
    notes.push(
      matches
        ? said(`includes the expected ${expectIp}`, `incluye la esperada ${expectIp}`)
        : said(`expected ${expectIp}: not among them`, `se esperaba ${expectIp}: no está entre ellas`),
    );
  }
  const head = target.ipVersion !== 0 ? list : `${target.host} → ${list}`;
  if (notes.length === 0) return [ok, said(head, head)];
  const all = joined(notes, "; ");
  return [ok, said(`${head} (${all.en})`, `${head} (${all.es})`)];
}
