import { freePort, type Listening, startHttp, startWs } from "@connlab/servers";
import { afterEach, describe, expect, it } from "vitest";
import { connlab } from "../../helpers/cli.ts";

const started: Listening[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function keep(server: Promise<Listening>): Promise<Listening> {
  const s = await server;
  started.push(s);
  return s;
}

// The doctor as a user runs it: a child process, piped (so no spinner and no colour).
describe("connlab doctor", () => {
  it("exits 0 against a healthy WebSocket server and prints each step", async () => {
    const ws = await keep(startWs({ host: "127.0.0.1" }));
    const result = await connlab(["doctor", `ws://127.0.0.1:${ws.port}/`, "--timeout", "2"]);
    expect(result.exitCode).toBe(0);
    const out = String(result.stdout);
    expect(out).toMatch(/^✓ target\s+ws:\/\/127\.0\.0\.1:\d+\/\s+\d+ ms$/m);
    expect(out).toMatch(
      /^✓ protocol\s+WebSocket handshake accepted: HTTP\/1\.1 101 Switching Protocols\s+\d+ ms$/m,
    );
    expect(out).toMatch(/^verdict: ok: connected, and the port speaks what the scheme expects$/m);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting the absence of ANSI escapes.
    expect(out).not.toMatch(/\u001b\[/);
  });

  it("--json prints exactly the issue's shape, exit 1 on a diagnosed problem", async () => {
    const http = await keep(startHttp({ host: "127.0.0.1" }));
    const result = await connlab(["doctor", `ws://127.0.0.1:${http.port}/`, "--json", "--lang", "en"]);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(String(result.stdout)) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(["target", "steps", "verdict"]);
    expect(report.target).toBe(`ws://127.0.0.1:${http.port}/`);
    const steps = report.steps as Record<string, unknown>[];
    for (const step of steps)
      expect(Object.keys(step)).toEqual(["check", "name", "ok", "detail", "elapsedMs"]);
    const verdict = report.verdict as { category: string; causes: Record<string, unknown>[] };
    expect(Object.keys(verdict)).toEqual(["category", "causes"]);
    expect(verdict.category).toBe("protocol");
    expect(verdict.causes[0]).toEqual({
      id: "protocol-ws-to-http",
      confidence: "high",
      evidence: "the WebSocket handshake got plain HTTP, no upgrade: HTTP/1.1 200 OK",
      fix: expect.any(String),
      // No CONNLAB_SITE_URL: the page's path, which `connlab start` serves.
      docs: "/en/protocol/ws-to-http/",
    });
    for (const cause of verdict.causes)
      expect(Object.keys(cause)).toEqual(["id", "confidence", "evidence", "fix", "docs"]);
  });

  it("links the Spanish guide at the root with --lang es or LANG=es_*, at CONNLAB_SITE_URL", async () => {
    const port = await freePort();
    const env = { LANG: "es_ES.UTF-8", LC_ALL: "", CONNLAB_SITE_URL: "https://example.org/connlab/" };
    const result = await connlab(["doctor", `127.0.0.1:${port}`, "--json"], { env });
    const report = JSON.parse(String(result.stdout)) as { verdict: { causes: { docs: string }[] } };
    expect(report.verdict.causes[0]?.docs).toBe("https://example.org/connlab/refused/not-listening/");
    const flag = await connlab([
      "doctor",
      `127.0.0.1:${port}`,
      "--json",
      "--lang",
      "es",
      "--guide-url",
      "https://g.test/",
    ]);
    expect(String(flag.stdout)).toContain('"docs": "https://g.test/refused/wrong-port/"');
  });

  it("names refused-localhost-ipv6 for [::1] against an IPv4-only server", async () => {
    const http = await keep(startHttp({ host: "127.0.0.1" }));
    const result = await connlab(["doctor", `http://[::1]:${http.port}/`]);
    expect(result.exitCode).toBe(1);
    const out = String(result.stdout);
    expect(out).toMatch(/^✗ connect \[::1\]:\d+\s+refused \(RST\) ECONNREFUSED in \d+ ms/m);
    expect(out).toMatch(
      /^✗ listeners\s+listening on IPv4 only \(127\.0\.0\.1\) port \d+, you connected to \[::1\]/m,
    );
    expect(out).toMatch(
      /^verdict: refused\n\s+1\. refused-localhost-ipv6 \(high\) localhost resolves to ::1 and/m,
    );
  });

  it("reads HTTP_PROXY from the environment and blames a dead proxy", async () => {
    const http = await keep(startHttp({ host: "127.0.0.1" }));
    const env = { HTTP_PROXY: `http://127.0.0.1:${await freePort()}` };
    const result = await connlab(["doctor", `http://127.0.0.1:${http.port}/`], { env });
    expect(result.exitCode).toBe(1);
    const out = String(result.stdout);
    expect(out).toMatch(
      /^✗ proxy\s+HTTP_PROXY=http:\/\/127\.0\.0\.1:\d+ applies: the client connects to the proxy/m,
    );
    expect(out).toMatch(/^\s+1\. refused-proxy \(high\) /m);
  });

  it("speaks Spanish for LANG=es_*, naming the page's path and how to open it", async () => {
    const port = await freePort();
    const env = { LANG: "es_ES.UTF-8", LC_ALL: "" };
    const result = await connlab(["doctor", `127.0.0.1:${port}`, "--timeout", "2"], { env });
    expect(result.exitCode).toBe(1);
    const out = String(result.stdout);
    expect(out).toMatch(/^veredicto: refused$/m);
    // Every line of the report, the checks' findings too, not only the catalogue's titles.
    expect(out).toMatch(/^✓ destino\s+tcp:\/\/127\.0\.0\.1:\d+\s+\d+ ms$/m);
    expect(out).toMatch(/^✗ conexión 127\.0\.0\.1:\d+ rechazado \(RST\) ECONNREFUSED en \d+ ms/m);
    expect(out).toMatch(
      /^\s+pruebas: nada en esta máquina escucha en el puerto \d+; el servidor no está en marcha, o escucha en otro sitio$/m,
    );
    expect(out).toMatch(/^\s+1\. refused-not-listening \(\w+\) El servidor no está escuchando$/m);
    expect(out).toMatch(
      /^\s+guía: {4}\/refused\/not-listening\/ {2}ábrela con `pnpm connlab start` \(luego http:\/\/127\.0\.0\.1:4321\/refused\/not-listening\/\)$/m,
    );
    const english = await connlab(["doctor", `127.0.0.1:${port}`, "--timeout", "2", "--lang", "en"], { env });
    expect(String(english.stdout)).toMatch(/^\s+guide: {4}\/en\/refused\/not-listening\/ {2}open it with/m);
  });
});
