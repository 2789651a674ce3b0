import { existsSync } from "node:fs";
import { runDoctor } from "@connlab/probes/doctor";
import { freePort, type Listening, setups, startHttp } from "@connlab/servers";
import { describe, expect, it } from "vitest";
import { closedAfterEach } from "../../helpers/closed-after-each.ts";

const timeoutMs = 2_000;
const keep = closedAfterEach();
const http = (host: string): Promise<Listening> => keep(startHttp({ host }));

const topIds = (causes: readonly { id: string; confidence: string }[]) =>
  causes.filter((c) => c.confidence === causes[0]?.confidence).map((c) => c.id);

// env: {} keeps the machine's own proxy variables out of every case but the proxy one.
describe("doctor against refused setups", () => {
  it("nothing listening: refused, not-listening and wrong-port side by side", async () => {
    const setup = setups.get("no-listener");
    if (!setup) throw new Error("no-listener setup missing");
    const running = await keep(setup.start({}));
    const report = await runDoctor(running.target.url, { locale: "en", timeoutMs, env: {} });
    expect(report.verdict.category).toBe("refused");
    expect(topIds(report.verdict.causes).slice(0, 2)).toEqual([
      "refused-not-listening",
      "refused-wrong-port",
    ]);
    // A loopback target is the client's own: where the doctor runs in a container (this one may),
    // the container itself, beside them; on a machine, a low hint.
    const inContainer = existsSync("/.dockerenv") || existsSync("/run/.containerenv");
    expect(report.verdict.causes.find((c) => c.id === "refused-localhost-in-container")?.confidence).toBe(
      inContainer ? "medium" : "low",
    );
    expect(report.steps.find((s) => s.name === "listeners")?.detail).toMatch(
      /^nothing on this machine listens on port \d+$/,
    );
  });

  it("wrong port: the server is up on another port, which the evidence lists", async () => {
    const server = await http("127.0.0.1");
    const port = await freePort();
    const report = await runDoctor(`http://127.0.0.1:${port}/`, { locale: "en", timeoutMs, env: {} });
    expect(report.verdict.category).toBe("refused");
    expect(topIds(report.verdict.causes)).toContain("refused-wrong-port");
    const wrongPort = report.verdict.causes.find((c) => c.id === "refused-wrong-port");
    expect(wrongPort?.evidence).toMatch(
      new RegExp(`ports listening on that address: .*\\b${server.port}\\b`),
    );
  });

  it("loopback-only: a server on 127.0.0.1 does not take 127.0.0.2", async () => {
    const server = await http("127.0.0.1");
    const report = await runDoctor(`http://127.0.0.2:${server.port}/`, { locale: "en", timeoutMs, env: {} });
    expect(report.verdict.category).toBe("refused");
    expect(report.verdict.causes[0]?.id).toBe("refused-loopback-only");
    expect(report.steps.find((s) => s.name === "listeners")?.detail).toBe(
      `listening on 127.0.0.1 only port ${server.port}, you connected to 127.0.0.2`,
    );
  });

  it("localhost → ::1 first with an IPv4-only server: refused-localhost-ipv6", async () => {
    const server = await http("127.0.0.1");
    // Stands in for the common /etc/hosts ("::1 localhost" before "127.0.0.1 localhost"), which
    // this machine may not have and the tests must not edit.
    const lookup = async () => [
      { address: "::1", family: 6 },
      { address: "127.0.0.1", family: 4 },
    ];
    const report = await runDoctor(`ws://localhost:${server.port}/`, {
      locale: "en",
      timeoutMs,
      env: {},
      lookup,
    });
    expect(report.verdict.category).toBe("refused");
    expect(report.verdict.causes.map((c) => [c.id, c.confidence])).toEqual([
      ["refused-localhost-ipv6", "high"],
      ["refused-loopback-only", "medium"],
    ]);
    expect(report.verdict.causes[0]?.evidence).toBe(
      `the first address [::1]:${server.port} refused, 127.0.0.1:${server.port} connected: clients that try only the first address fail; listening on IPv4 only (127.0.0.1) port ${server.port}, you connected to [::1]`,
    );
    expect(report.steps.map((s) => [s.name, s.ok])).toEqual([
      ["target", true],
      ["proxy", true],
      ["resolve", true],
      [`connect [::1]:${server.port}`, false],
      [`connect 127.0.0.1:${server.port}`, true],
      ["protocol", false],
      ["listeners", false],
      ["local ports", true],
    ]);
    expect(report.steps.find((s) => s.name === "listeners")?.detail).toBe(
      `listening on IPv4 only (127.0.0.1) port ${server.port}, you connected to [::1]`,
    );
  });

  it("a proxy variable pointing at a dead proxy: refused-proxy first", async () => {
    const server = await http("127.0.0.1");
    const deadProxy = await freePort();
    const env = { HTTP_PROXY: `http://127.0.0.1:${deadProxy}` };
    const report = await runDoctor(`http://127.0.0.1:${server.port}/`, { locale: "en", timeoutMs, env });
    expect(report.verdict.category).toBe("refused");
    expect(report.verdict.causes[0]).toMatchObject({
      id: "refused-proxy",
      confidence: "high",
      evidence: `HTTP_PROXY sends this target through 127.0.0.1:${deadProxy}, which is refusing connections (ECONNREFUSED); the direct connection works`,
    });
  });

  it("NO_PROXY exempting the target: no proxy finding, connects fine", async () => {
    const server = await http("127.0.0.1");
    const env = { HTTP_PROXY: `http://127.0.0.1:${await freePort()}`, NO_PROXY: "127.0.0.1" };
    const report = await runDoctor(`http://127.0.0.1:${server.port}/`, { locale: "en", timeoutMs, env });
    expect(report.verdict).toEqual({ category: "ok", causes: [] });
  });

  it("--expect-ip: the name resolves elsewhere and that address refuses", async () => {
    const server = await http("127.0.0.1");
    const lookup = async () => [{ address: "127.0.0.3", family: 4 }];
    const report = await runDoctor(`http://svc.connlab.test:${server.port}/`, {
      locale: "en",
      timeoutMs,
      env: {},
      lookup,
      expectIp: "127.0.0.1",
    });
    expect(report.verdict.category).toBe("refused");
    expect(report.verdict.causes[0]?.id).toBe("refused-dns-wrong-ip");
  });
});
