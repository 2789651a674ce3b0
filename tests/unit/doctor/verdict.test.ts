import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isScenarioId } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import type { ConnectResult } from "../../../probes/src/doctor/connect.ts";
import type { IdleWatch } from "../../../probes/src/doctor/idle.ts";
import type { ListenerFinding } from "../../../probes/src/doctor/listeners.ts";
import type { Sniff } from "../../../probes/src/doctor/sniff.ts";
import type { SocketIoSession } from "../../../probes/src/doctor/socketio.ts";
import { parseTarget } from "../../../probes/src/doctor/target.ts";
import { type Facts, isPrivateAddress, rank } from "../../../probes/src/doctor/verdict.ts";
import { repoRoot } from "../../helpers/cli.ts";

const calm = { range: { low: 32768, high: 60999, size: 28232 }, timeWait: 0, established: 0, usedShare: 0 };

function connect(address: string, outcome: ConnectResult["outcome"], code = "OK"): ConnectResult {
  return { address, port: 8080, outcome, code, elapsedMs: outcome === "timeout" ? 3000 : 1 };
}

function facts(input: string, overrides: Partial<Facts> & { addresses?: string[] }): Facts {
  const addresses = overrides.addresses ?? ["127.0.0.1"];
  return {
    target: parseTarget(input),
    proxy: { set: [] },
    resolution: {
      addresses: addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    },
    connects: addresses.map((a) => connect(a, "connected")),
    pressure: calm,
    ...overrides,
  };
}

const sniff = (s: Partial<Sniff> & Pick<Sniff, "kind">): Sniff => ({
  matches: false,
  detail: { en: "d", es: "d" },
  elapsedMs: 1,
  ...s,
});
/** What the listeners check found, nothing but `found` differing from "nothing listens here". */
const listenersFound = (found: Partial<ListenerFinding>): ListenerFinding => ({
  listening: [],
  accepts: false,
  summary: { en: "s", es: "s" },
  otherPorts: [],
  waiting: 0,
  ...found,
});
const ids = (f: Facts) => rank(f).causes.map((c) => c.id);

/** A connect to `address` that ended in EHOSTUNREACH after `elapsedMs`. */
function hostUnreachable(address: string, onLocalSubnet: boolean, elapsedMs: number): Facts {
  return facts(`http://${address}:8080/`, {
    addresses: [address],
    onLocalSubnet,
    connects: [{ ...connect(address, "host-unreachable", "EHOSTUNREACH"), elapsedMs }],
  });
}

/** A WebSocket whose handshake worked, then kept silent (`--idle`) with this outcome. */
function keptSilent(watch: Partial<IdleWatch> & Pick<IdleWatch, "outcome">): Facts {
  return facts("ws://127.0.0.1:8080/", {
    sniff: sniff({ kind: "websocket", matches: true }),
    idle: { silentMs: 60_000, pings: 0, detail: { en: "d", es: "d" }, ...watch },
  });
}

describe("rank, once the WebSocket opened and went silent (--idle)", () => {
  it("names a proxy's idle limit when it closed with no close frame", () => {
    const ranking = rank(keptSilent({ outcome: "closed", code: 1006, closeFrame: false }));
    expect(ranking.category).toBe("closed");
    expect(ranking.causes.map((c) => [c.id, c.confidence])).toEqual([["closed-proxy-idle-timeout", "high"]]);
    expect(ranking.causes[0]?.evidence.en).toMatch(/after 60\.0 s of silence without a close frame \(1006\)/);
  });

  it("keeps the cause low when the server itself sent a close frame", () => {
    const ranking = rank(keptSilent({ outcome: "closed", code: 1001, closeFrame: true }));
    expect(ranking.causes.map((c) => [c.id, c.confidence])).toEqual([["closed-proxy-idle-timeout", "low"]]);
  });

  it("is ok when it was still open at the end of the watch", () => {
    expect(rank(keptSilent({ outcome: "open", pings: 5 }))).toEqual({ category: "ok", causes: [] });
  });
});

/** An http:// app that answers 200, whose Socket.IO session was opened and polled (`--socketio`). */
function polled(outcome: SocketIoSession["outcome"]): Facts {
  return facts("http://127.0.0.1:8080/", {
    sniff: sniff({ kind: "http", matches: true }),
    socketIo: { outcome, attempts: 1, detail: { en: "handshake 200, then 400", es: "handshake 200, y 400" } },
  });
}

describe("rank, once a Socket.IO session was opened and polled (--socketio)", () => {
  it("names the missing sticky sessions when the poll got 400 Session ID unknown", () => {
    const ranking = rank(polled("refused"));
    expect(ranking.category).toBe("closed");
    expect(ranking.causes.map((c) => [c.id, c.confidence])).toEqual([["closed-socketio-no-sticky", "high"]]);
    expect(ranking.causes[0]?.evidence.en).toMatch(/^handshake 200, then 400: the poll reached a server/);
  });

  it.each(["kept", "no-handshake"] as const)("names nothing when the session was %s", (outcome) => {
    expect(rank(polled(outcome))).toEqual({ category: "ok", causes: [] });
  });
});

describe("rank", () => {
  it("is ok with no cause when connected and the protocol matches", () => {
    expect(
      rank(facts("ws://127.0.0.1:8080/", { sniff: sniff({ kind: "websocket", matches: true }) })),
    ).toEqual({
      category: "ok",
      causes: [],
    });
  });

  it("names the Origin check first when a WebSocket upgrade gets 403", () => {
    const f = facts("ws://127.0.0.1:8080/", {
      sniff: sniff({
        kind: "http",
        status: 403,
        detail: { en: "plain HTTP, no upgrade: HTTP/1.1 403 Forbidden", es: "HTTP sin más" },
      }),
    });
    expect(rank(f).category).toBe("policy");
    expect(ids(f)).toEqual(["policy-origin-rejected", "protocol-ws-to-http"]);
    // An HTTP client meeting 403 is not a WebSocket policy: no such ranking.
    const http = facts("http://127.0.0.1:8080/", {
      sniff: sniff({ kind: "http", status: 403, matches: true }),
    });
    expect(ids(http)).not.toContain("policy-origin-rejected");
  });

  it("names the subprotocol when the 101 leaves out the one asked for", () => {
    const f = facts("ws://127.0.0.1:8080/", {
      sniff: sniff({ kind: "subprotocol-unanswered", status: 101 }),
    });
    expect(rank(f)).toMatchObject({
      category: "policy",
      causes: [{ id: "policy-subprotocol-mismatch", confidence: "high" }],
    });
  });

  it("puts a dead proxy first", () => {
    const f = facts("http://127.0.0.1:8080/", {
      proxy: {
        set: ["HTTP_PROXY"],
        proxy: { variable: "HTTP_PROXY", value: "http://127.0.0.1:9", host: "127.0.0.1", port: 9 },
      },
      proxyConnect: { address: "127.0.0.1", port: 9, outcome: "refused", code: "ECONNREFUSED", elapsedMs: 0 },
      sniff: sniff({ kind: "http", matches: true }),
    });
    expect(rank(f).category).toBe("refused");
    expect(ids(f)[0]).toBe("refused-proxy");
  });

  it("names loopback-only when a listener on another address exists", () => {
    const f = facts("http://127.0.0.2:8080/", {
      addresses: ["127.0.0.2"],
      connects: [connect("127.0.0.2", "refused", "ECONNREFUSED")],
      listeners: listenersFound({ listening: ["127.0.0.1"] }),
    });
    expect(rank(f).category).toBe("refused");
    expect(ids(f)).toEqual(["refused-loopback-only", "refused-wrong-host"]);
  });

  it("names localhost-ipv6 when ::1 is refused and 127.0.0.1 connects", () => {
    const f = facts("ws://localhost:8080/", {
      addresses: ["::1", "127.0.0.1"],
      connects: [connect("::1", "refused", "ECONNREFUSED"), connect("127.0.0.1", "connected")],
      listeners: listenersFound({ listening: ["127.0.0.1"] }),
    });
    expect(rank(f).category).toBe("refused");
    expect(ids(f)).toEqual(["refused-localhost-ipv6", "refused-loopback-only"]); // named once, merged
  });

  it("cannot tell a wrong port from a stopped server, and says so with equal confidence", () => {
    const f = facts("http://127.0.0.1:8080/", {
      connects: [connect("127.0.0.1", "refused", "ECONNREFUSED")],
      listeners: listenersFound({ summary: { en: "nothing", es: "nada" }, otherPorts: [3000] }),
    });
    const { causes } = rank(f);
    expect(causes.map((c) => [c.id, c.confidence])).toEqual([
      ["refused-not-listening", "medium"],
      ["refused-wrong-port", "medium"],
      // A loopback target: the client's own, which in a container is the container itself.
      ["refused-localhost-in-container", "low"],
    ]);
    expect(causes[1]?.evidence.en).toMatch(/cannot tell .* ports listening on that address: 3000$/);
  });

  it("on the server itself, tells a full accept queue from a local firewall by the connections waiting", () => {
    const timedOut = { connects: [connect("127.0.0.1", "timeout", "ETIMEDOUT")] };
    const listening = (waiting: number) => listenersFound({ listening: ["0.0.0.0"], accepts: true, waiting });
    const queueFull = facts("http://127.0.0.1:8080/", { ...timedOut, listeners: listening(512) });
    expect(rank(queueFull)).toMatchObject({
      category: "timeout",
      causes: [{ id: "timeout-server-backlog-full", confidence: "high" }],
    });
    const firewall = facts("http://127.0.0.1:8080/", { ...timedOut, listeners: listening(0) });
    expect(ids(firewall)).toEqual(["timeout-firewall"]);
  });

  it("names localhost-in-container with more confidence when the doctor runs in a container", () => {
    const f = facts("http://localhost:8080/", {
      connects: [connect("127.0.0.1", "refused", "ECONNREFUSED")],
      listeners: listenersFound({ summary: { en: "nothing", es: "nada" } }),
    });
    const inContainer = rank({ ...f, inContainer: true }).causes.find(
      (c) => c.id === "refused-localhost-in-container",
    );
    expect(inContainer?.confidence).toBe("medium");
    expect(inContainer?.evidence.en).toMatch(
      /^this runs in a container, where 127\.0\.0\.1 is the container itself/,
    );
    // Not a loopback address: no reason to suspect it.
    const lan = facts("http://198.18.0.2:8080/", {
      addresses: ["198.18.0.2"],
      connects: [connect("198.18.0.2", "refused", "ECONNREFUSED")],
    });
    expect(ids({ ...lan, inContainer: true })).not.toContain("refused-localhost-in-container");
  });

  it("names dns-wrong-ip when the answer is not --expect-ip, by connect outcome", () => {
    const refused = facts("http://svc.test:8080/", {
      addresses: ["127.0.0.9"],
      expectIp: "127.0.0.1",
      connects: [connect("127.0.0.9", "refused", "ECONNREFUSED")],
    });
    expect(rank(refused).category).toBe("refused");
    expect(ids(refused)[0]).toBe("refused-dns-wrong-ip");
    const timeout = { ...refused, connects: [connect("127.0.0.9", "timeout", "ETIMEDOUT")] };
    expect(rank(timeout).category).toBe("timeout");
    expect(ids(timeout)[0]).toBe("timeout-dns-wrong-ip");
  });

  it("tells unanswered ARP (EHOSTUNREACH after ~3 s) from a firewall's ICMP reject (at once)", () => {
    const after = (elapsedMs: number) => hostUnreachable("198.18.0.3", true, elapsedMs);
    expect(rank(after(3_050)).category).toBe("timeout");
    expect(ids(after(3_050)).slice(0, 2)).toEqual(["timeout-host-down", "timeout-firewall"]);
    expect(ids(after(4)).slice(0, 2)).toEqual(["timeout-firewall", "timeout-host-down"]);
  });

  it("names the routed host-down when the ICMP host-unreachable after ~3 s came from a router", () => {
    // Off this machine's subnet its own ARP never ran: the late EHOSTUNREACH is the last router's.
    const after = (elapsedMs: number) => hostUnreachable("198.18.2.3", false, elapsedMs);
    const late = rank(after(3_400));
    expect(late.category).toBe("timeout");
    expect(late.causes.slice(0, 2).map((c) => [c.id, c.confidence])).toEqual([
      ["timeout-host-down-routed", "high"],
      ["timeout-firewall", "low"],
    ]);
    expect(late.causes[0]?.evidence.en).toMatch(/so the ICMP came from that router/);
    expect(late.causes[0]?.evidence.es).toMatch(/así que el ICMP vino de ese router/);
    expect(late.causes.map((c) => c.id)).not.toContain("timeout-host-down");
    expect(ids(after(4)).slice(0, 2)).toEqual(["timeout-firewall", "timeout-host-down-routed"]);
  });

  it("ranks a remote timeout: firewall first, internal IP when private", () => {
    const f = facts("http://203.0.113.7:8080/", {
      addresses: ["203.0.113.7"],
      connects: [connect("203.0.113.7", "timeout", "ETIMEDOUT")],
    });
    expect(rank(f).category).toBe("timeout");
    // A silent drop off this machine's subnet: a host that is down behind a router whose ICMP
    // is filtered looks the same, so the routed page is among the causes; so does a server
    // whose accept queue is full, which only the server itself can tell.
    expect(ids(f)).toEqual([
      "timeout-firewall",
      "timeout-host-down-routed",
      "timeout-security-group",
      "timeout-panel-firewall",
      "timeout-server-backlog-full",
    ]);
    const unreachable = facts("http://10.9.9.9:8080/", {
      addresses: ["10.9.9.9"],
      connects: [connect("10.9.9.9", "network-unreachable", "ENETUNREACH")],
    });
    expect(rank(unreachable).category).toBe("timeout");
    expect(ids(unreachable)[0]).toBe("timeout-internal-ip");
  });

  it("leaves internal-ip out when the private address is on this machine's own subnet", () => {
    const f = facts("http://10.201.0.2:8080/", {
      addresses: ["10.201.0.2"],
      connects: [connect("10.201.0.2", "timeout", "ETIMEDOUT")],
    });
    expect(ids(f)[0]).toBe("timeout-internal-ip");
    expect(ids({ ...f, onLocalSubnet: true })[0]).toBe("timeout-firewall");
    expect(ids({ ...f, onLocalSubnet: true })).not.toContain("timeout-internal-ip");
  });

  it("ranks TIME_WAIT first when it holds most ports, else the range", () => {
    const base = facts("http://127.0.0.1:8080/", {
      connects: [connect("127.0.0.1", "address-not-available", "EADDRNOTAVAIL")],
    });
    const small = { range: { low: 40000, high: 40001, size: 2 }, usedShare: 1 };
    expect(rank({ ...base, pressure: { ...small, timeWait: 0, established: 2 } })).toMatchObject({
      category: "addrnotavail",
    });
    expect(ids({ ...base, pressure: { ...small, timeWait: 0, established: 2 } })[0]).toBe(
      "addrnotavail-ephemeral-ports",
    );
    expect(ids({ ...base, pressure: { ...small, timeWait: 2, established: 0 } })[0]).toBe(
      "addrnotavail-time-wait",
    );
  });

  it.each([
    ["ws://127.0.0.1:8080/", { kind: "http", status: 200, upgradeOffered: false }, "protocol-ws-to-http"],
    [
      "ws://127.0.0.1:8080/",
      { kind: "http", status: 426, upgradeOffered: true },
      "protocol-proxy-strips-upgrade",
    ],
    ["http://127.0.0.1:8080/", { kind: "http", status: 426, upgradeOffered: true }, "protocol-http-to-ws"],
    ["ws://127.0.0.1:8080/", { kind: "non-http" }, "protocol-ws-to-raw-tcp"],
    ["ws://127.0.0.1:8080/", { kind: "no-answer" }, "protocol-ws-to-raw-tcp"],
    ["https://127.0.0.1:8080/", { kind: "plain-on-tls" }, "protocol-tls-mismatch"],
    ["http://127.0.0.1:8080/", { kind: "tls-on-plain" }, "protocol-tls-mismatch"],
    // A TLS client whose ClientHello meets a plain port that stays silent or hangs up.
    ["wss://127.0.0.1:8080/", { kind: "no-answer" }, "protocol-tls-mismatch"],
    ["https://127.0.0.1:8080/", { kind: "silent-close" }, "protocol-tls-mismatch"],
    ["ws://127.0.0.1:8080/", { kind: "silent-close" }, "protocol-ws-to-raw-tcp"],
  ] as const)("%s answered %j → %s first", (input, answer, id) => {
    const f = facts(input, { sniff: sniff(answer) });
    expect(rank(f).category).toBe("protocol");
    expect(ids(f)[0]).toBe(id);
  });

  it.each(["http://127.0.0.1:8080/", "ws://127.0.0.1:8080/"])(
    "%s: docker-proxy accepts, then hangs up without a byte → closed-docker-published-loopback",
    (input) => {
      const listeners = listenersFound({ listening: ["127.0.0.1"], accepts: true, owners: ["docker-proxy"] });
      const f = facts(input, { sniff: sniff({ kind: "silent-close" }), listeners });
      expect(rank(f).category).toBe("closed");
      expect(rank(f).causes.map((c) => [c.id, c.confidence])).toEqual([
        ["closed-docker-published-loopback", "high"],
      ]);
    },
  );

  it("names no Docker cause for a silent close when the listener is another process, or unknown", () => {
    for (const owners of [["node"], undefined]) {
      const listeners = listenersFound({
        listening: ["127.0.0.1"],
        accepts: true,
        ...(owners ? { owners } : {}),
      });
      const f = facts("ws://127.0.0.1:8080/", { sniff: sniff({ kind: "silent-close" }), listeners });
      expect(ids(f)).not.toContain("closed-docker-published-loopback");
      expect(rank(f).category).toBe("protocol");
    }
  });

  it.each([
    ["SELF_SIGNED_CERT_IN_CHAIN", 2, [["tls-untrusted-certificate", "high"]]],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", 1, [["tls-untrusted-certificate", "high"]]],
    ["ERR_TLS_CERT_ALTNAME_INVALID", 2, [["tls-untrusted-certificate", "high"]]],
    [
      "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      1,
      [
        ["tls-incomplete-chain", "high"],
        ["tls-untrusted-certificate", "medium"],
      ],
    ],
  ] as const)(
    "a TLS handshake whose certificate fails verification (%s, %i sent) → %j",
    (error, sent, causes) => {
      // The port answers the WebSocket handshake once past TLS: the certificate is the whole problem.
      const f = facts("wss://127.0.0.1:8443/", {
        sniff: sniff({ kind: "websocket", certificate: { authorized: false, error, sent } }),
      });
      expect(rank(f).category).toBe("tls");
      expect(rank(f).causes.map((c) => [c.id, c.confidence])).toEqual(causes);
    },
  );

  it("a trusted certificate is no finding", () => {
    const f = facts("wss://127.0.0.1:8443/", {
      sniff: sniff({ kind: "websocket", matches: true, certificate: { authorized: true, sent: 2 } }),
    });
    expect(rank(f)).toEqual({ category: "ok", causes: [] });
  });

  it("calls a name that does not resolve a dns problem", () => {
    const f = facts("http://nowhere.invalid:80/", {
      addresses: [],
      resolution: { addresses: [], error: "ENOTFOUND" },
    });
    expect(rank(f)).toMatchObject({ category: "dns", causes: [{ id: "refused-wrong-host" }] });
  });

  it("knows private ranges", () => {
    for (const a of [
      "10.0.0.1",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "100.64.0.1",
      "fd00::1",
      "fe80::1",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["172.32.0.1", "8.8.8.8", "127.0.0.1", "2001:db8::1"])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe("scenario ids the doctor names", () => {
  it("all exist in the catalogue", () => {
    const dir = join(repoRoot, "probes", "src", "doctor");
    const named = new Set<string>();
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), "utf8");
      // Every cause is named as add("<id>", …); sniff kinds such as "tls-on-plain" are not ids.
      for (const m of text.matchAll(/\badd\(\s*"([a-z]+-[a-z0-9-]+)"/g)) named.add(m[1] ?? "");
    }
    expect(named.size).toBeGreaterThan(15);
    expect([...named].filter((id) => !isScenarioId(id))).toEqual([]);
  });
});

describe("a port on this machine that closes the connection without a byte", () => {
  const closedAtOnce = { sniff: sniff({ kind: "silent-close" }) };
  const exhausted = {
    pid: 4242,
    limit: 64,
    openFds: 64,
    exhausted: true,
    summary: { en: "the listening process (pid 4242) has 64 descriptors open", es: "s" },
  };

  it("names closed-server-out-of-fds when its process has every descriptor in use", () => {
    const f = facts("http://127.0.0.1:8080/", { ...closedAtOnce, descriptors: exhausted });
    expect(rank(f).category).toBe("closed");
    expect(rank(f).causes.map((c) => [c.id, c.confidence])).toEqual([
      ["closed-server-out-of-fds", "high"],
      ["protocol-ws-to-raw-tcp", "low"],
    ]);
    expect(rank(f).causes[0]?.evidence.en).toBe(
      "the port d, and the listening process (pid 4242) has 64 descriptors open",
    );
  });

  it("stays a protocol mismatch when its process has descriptors to spare", () => {
    const spare = { ...exhausted, openFds: 30, exhausted: false };
    const f = facts("http://127.0.0.1:8080/", { ...closedAtOnce, descriptors: spare });
    expect(rank(f).category).toBe("protocol");
    expect(ids(f)).toEqual(["protocol-ws-to-raw-tcp", "protocol-tls-mismatch"]);
  });

  it("only hints at it where the doctor cannot see the process (another machine)", () => {
    const f = facts("http://192.0.2.10:8080/", { ...closedAtOnce, addresses: ["192.0.2.10"] });
    expect(rank(f).category).toBe("protocol");
    expect(rank(f).causes.map((c) => [c.id, c.confidence])).toEqual([
      ["protocol-ws-to-raw-tcp", "medium"],
      ["protocol-tls-mismatch", "low"],
      ["closed-server-out-of-fds", "low"],
    ]);
  });
});
