import { createServer } from "node:net";
import { runDoctor } from "@connlab/probes/doctor";
import {
  type Listening,
  listen,
  selfSignedCertificate,
  setups,
  startFastifyWs,
  startHttp,
  startNet,
  startProxy,
  startWs,
} from "@connlab/servers";
import { describe, expect, it, onTestFinished } from "vitest";
import { closedAfterEach } from "../../helpers/closed-after-each.ts";

const timeoutMs = 2_000;
const keep = closedAfterEach();

/** A peer that accepts and never says a word: the doctor must give up at its own bound. */
function startSilent(): Promise<Listening> {
  return listen(
    createServer((socket) => socket.on("error", () => socket.destroy())),
    { host: "127.0.0.1" },
  );
}

/** The lab's HTTPS + WebSocket server (fastify), with its in-memory self-signed certificate. */
async function startTls(): Promise<Listening> {
  return startFastifyWs({ host: "127.0.0.1", tls: await selfSignedCertificate() });
}

describe("doctor against protocol setups", () => {
  it.each([
    [
      "a WebSocket client against HTTP only (fastify)",
      "ws",
      () => startHttp({ host: "127.0.0.1" }),
      "protocol-ws-to-http",
      /^plain HTTP, no upgrade: HTTP\/1\.1 200 OK$/,
    ],
    [
      "a WebSocket client against raw TCP",
      "ws",
      () => startNet({ host: "127.0.0.1" }),
      "protocol-ws-to-raw-tcp",
      /^answered with non-HTTP bytes: "HELLO connlab\\n"$/,
    ],
    [
      "an HTTP client against a WebSocket-only server",
      "http",
      () => startWs({ host: "127.0.0.1" }),
      "protocol-http-to-ws",
      /^WebSocket only: HTTP\/1\.1 426 Upgrade Required$/,
    ],
    [
      "https:// against a plain HTTP port",
      "https",
      () => startHttp({ host: "127.0.0.1" }),
      "protocol-tls-mismatch",
      /^TLS handshake failed \(ERR_SSL_\w+\); in plain text the port speaks plain HTTP/,
    ],
    [
      "wss:// against a plain WebSocket port",
      "wss",
      () => startWs({ host: "127.0.0.1" }),
      "protocol-tls-mismatch",
      /^TLS handshake failed \(ERR_SSL_\w+\)/,
    ],
    [
      "wss:// against a plain port that stays silent (a worker waiting for a header's end)",
      "wss",
      startSilent,
      "protocol-tls-mismatch",
      /^no answer to a TLS ClientHello$/,
    ],
    ["http:// against a TLS port", "http", startTls, "protocol-tls-mismatch", /the port speaks TLS$/],
    ["ws:// against a TLS port", "ws", startTls, "protocol-tls-mismatch", /the port speaks TLS$/],
  ] as const)("%s", async (_name, scheme, start, id, detail) => {
    const server = await keep(start());
    const report = await runDoctor(`${scheme}://127.0.0.1:${server.port}/`, {
      locale: "en",
      timeoutMs,
      env: {},
    });
    expect(report.verdict.category).toBe("protocol");
    expect(report.verdict.causes[0]?.id).toBe(id);
    expect(report.steps.find((s) => s.name === "protocol")?.detail).toMatch(detail);
  });

  it.each([
    [
      "ws",
      () => startWs({ host: "127.0.0.1" }),
      /^WebSocket handshake accepted: HTTP\/1\.1 101 Switching Protocols$/,
    ],
    ["http", () => startHttp({ host: "127.0.0.1" }), /^HTTP answered: HTTP\/1\.1 200 OK$/],
    [
      "tcp",
      () => startNet({ host: "127.0.0.1" }),
      /^TCP connection accepted; it greeted with "HELLO connlab\\n"$/,
    ],
  ] as const)("a healthy %s server is ok", async (scheme, start, detail) => {
    const server = await keep(start());
    const report = await runDoctor(`${scheme}://127.0.0.1:${server.port}/`, {
      locale: "en",
      timeoutMs,
      env: {},
    });
    expect(report.verdict).toEqual({ category: "ok", causes: [] });
    expect(report.steps.find((s) => s.name === "protocol")?.detail).toMatch(detail);
  });

  it.each([
    [
      "untrusted-certificate",
      "tls-untrusted-certificate",
      /^TLS ok \(certificate not trusted: SELF_SIGNED_CERT_IN_CHAIN, 2 certificates sent\); WebSocket handshake accepted/,
    ],
    [
      "incomplete-chain",
      "tls-incomplete-chain",
      /^TLS ok \(certificate not trusted: UNABLE_TO_VERIFY_LEAF_SIGNATURE, 1 certificate sent\); WebSocket handshake accepted/,
    ],
    [
      // The lab's in-memory self-signed certificate (what the TLS-mismatch setups serve).
      "self-signed",
      "tls-untrusted-certificate",
      /^TLS ok \(certificate not trusted: DEPTH_ZERO_SELF_SIGNED_CERT, 1 certificate sent\); HTTP answered/,
    ],
  ] as const)("a certificate the default trust store rejects (%s): %s first", async (setup, id, detail) => {
    let url: string;
    if (setup === "self-signed") {
      url = `https://127.0.0.1:${(await keep(startTls())).port}/`;
    } else {
      const running = await setups.get(setup)?.start({});
      if (!running) throw new Error(`no setup ${setup}`);
      onTestFinished(() => running.close());
      url = running.target.url;
    }
    const report = await runDoctor(url, { locale: "en", timeoutMs, env: {} });
    expect(report.verdict.category).toBe("tls");
    expect(report.verdict.causes[0]?.id).toBe(id);
    expect(report.steps.find((s) => s.name === "protocol")).toMatchObject({ ok: false });
    expect(report.steps.find((s) => s.name === "protocol")?.detail).toMatch(detail);
  });

  it("a reverse proxy that drops Upgrade in front of a WebSocket server: proxy-strips-upgrade first", async () => {
    const ws = await keep(startWs({ host: "127.0.0.1" }));
    const proxy = await keep(startProxy({ host: "127.0.0.1", upstreamPort: ws.port, forwardUpgrade: false }));
    const report = await runDoctor(`ws://127.0.0.1:${proxy.port}/`, { locale: "en", timeoutMs, env: {} });
    expect(report.verdict.category).toBe("protocol");
    expect(report.verdict.causes.map((c) => [c.id, c.confidence])).toEqual([
      ["protocol-proxy-strips-upgrade", "high"],
      ["protocol-ws-to-http", "medium"],
    ]);
    expect(report.steps.find((s) => s.name === "protocol")?.detail).toBe(
      "plain HTTP, no upgrade: HTTP/1.1 426 Upgrade Required",
    );
  });

  it("a silent peer: no answer to the handshake, and the doctor stops at its bound", async () => {
    const server = await keep(startSilent());
    const started = performance.now();
    const report = await runDoctor(`ws://127.0.0.1:${server.port}/`, {
      locale: "en",
      timeoutMs: 500,
      env: {},
    });
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(report.verdict.category).toBe("protocol");
    expect(report.verdict.causes[0]?.id).toBe("protocol-ws-to-raw-tcp");
    expect(report.steps.find((s) => s.name === "protocol")?.detail).toBe(
      "no answer to a WebSocket handshake: the port does not speak HTTP",
    );
  });
});
