import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";
import { labPair as createNetnsPair, type NetnsPair } from "../../helpers/root-lab.ts";

const main = join(repoRoot, "cli", "src", "main.ts");
const timeoutS = 1;

// Ports in the server namespace: every one has a greeting listener; the firewall decides the rest.
const open = 8080;
const dropped = 8081;
const rejectedRst = 8082;
const rejectedIcmp = 8083;
const closed = 8084;

const ruleset = `table inet connlab_doctor {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport ${dropped} drop
    tcp dport ${rejectedRst} reject with tcp reset
    tcp dport ${rejectedIcmp} reject with icmpx admin-prohibited
  }
}`;

const listeners = `
const net = require("node:net");
let up = 0;
for (const port of [${open}, ${dropped}, ${rejectedRst}, ${rejectedIcmp}]) {
  net.createServer((s) => { s.on("error", () => {}); s.write("HELLO connlab\\n"); }).listen(port, "0.0.0.0", () => {
    if (++up === 4) console.log("{}");
  });
}`;

/** Holds two connections open so the client's two-port range is used up. */
const holder = (address: string) => `
const net = require("node:net");
const held = [];
let up = 0;
for (let i = 0; i < 2; i++) {
  const s = net.connect({ host: "${address}", port: ${open} }, () => { if (++up === 2) console.log("{}"); });
  s.on("error", (e) => { console.error(e.message); process.exit(1); });
  held.push(s);
}`;

interface Report {
  steps: { check: string; name: string; ok: boolean; detail: string; elapsedMs: number }[];
  verdict: { category: string; causes: { id: string; confidence: string }[] };
}

describe("doctor in a namespace pair (root)", () => {
  let pair: NetnsPair;

  beforeAll(async () => {
    pair = await createNetnsPair();
    await pair.exec(pair.server, "nft", [ruleset]);
    await pair.spawnIn(pair.server, process.execPath, ["-e", listeners]);
  });
  afterAll(async () => {
    await pair?.close();
  });

  async function doctor(url: string): Promise<{ report: Report; ms: number }> {
    const started = performance.now();
    const out = await pair
      .exec(
        pair.client,
        process.execPath,
        [main, "doctor", url, "--json", "--lang", "en", "--timeout", String(timeoutS)],
        15_000,
      )
      .catch((error: { stdout?: string }) => error.stdout ?? "");
    return { report: JSON.parse(out) as Report, ms: performance.now() - started };
  }

  it("an open port is ok", async () => {
    const { report } = await doctor(`tcp://${pair.serverAddress}:${open}`);
    expect(report.verdict.category).toBe("ok");
  });

  it("a firewall that drops: timeout, firewall first, the connect bounded by the timeout", async () => {
    const { report } = await doctor(`tcp://${pair.serverAddress}:${dropped}`);
    expect(report.verdict.category).toBe("timeout");
    expect(report.verdict.causes[0]?.id).toBe("timeout-firewall");
    const connect = report.steps.find((s) => s.check === "connect");
    expect(connect?.detail).toMatch(/^timed out \(no answer\) ETIMEDOUT in \d+ ms$/);
    expect(connect?.elapsedMs).toBeGreaterThanOrEqual(timeoutS * 1000 - 5);
    // Issue 7's target is the timeout + 10%; 300 ms more absorbs a starved event loop on a shared
    // machine (seen: 1218 ms at load 30 on 2 cores). bench/doctor.ts reports the real figure.
    expect(connect?.elapsedMs).toBeLessThan(timeoutS * 1000 * 1.1 + 300);
  });

  it("a firewall that rejects with RST: refused at once, like a closed port", async () => {
    const [rejected, nobody] = await Promise.all([
      doctor(`tcp://${pair.serverAddress}:${rejectedRst}`),
      doctor(`tcp://${pair.serverAddress}:${closed}`),
    ]);
    for (const { report } of [rejected, nobody]) {
      expect(report.verdict.category).toBe("refused");
      expect(report.verdict.causes.map((c) => c.id)).toEqual(
        expect.arrayContaining(["refused-not-listening", "refused-wrong-port", "timeout-firewall"]),
      );
      expect(report.steps.find((s) => s.check === "connect")?.elapsedMs).toBeLessThan(timeoutS * 1000 * 0.8);
    }
  });

  it("a firewall that rejects with ICMP admin-prohibited: answered at once, firewall named", async () => {
    const { report } = await doctor(`tcp://${pair.serverAddress}:${rejectedIcmp}`);
    expect(["refused", "timeout"]).toContain(report.verdict.category);
    expect(report.verdict.causes.map((c) => c.id)).toContain("timeout-firewall");
    expect(report.steps.find((s) => s.check === "connect")?.elapsedMs).toBeLessThan(timeoutS * 1000 * 0.8);
  });
});

describe("doctor under port pressure (root)", () => {
  let pair: NetnsPair;

  beforeAll(async () => {
    pair = await createNetnsPair();
    await pair.spawnIn(pair.server, process.execPath, ["-e", listeners]);
    // Per namespace: only the client namespace gets the two-port range.
    await pair.exec(pair.client, "sysctl", ["-q", "-w", "net.ipv4.ip_local_port_range=40000 40001"]);
    await pair.spawnIn(pair.client, process.execPath, ["-e", holder(pair.serverAddress)]);
  });
  afterAll(async () => {
    await pair?.close();
  });

  it("no local port left: addrnotavail, ephemeral ports first, with the range and the held sockets", async () => {
    const out = await pair
      .exec(
        pair.client,
        process.execPath,
        [main, "doctor", `tcp://${pair.serverAddress}:${open}`, "--json", "--lang", "en"],
        15_000,
      )
      .catch((error: { stdout?: string }) => error.stdout ?? "");
    const report = JSON.parse(out) as Report;
    expect(report.steps.find((s) => s.check === "connect")?.detail).toMatch(
      /^cannot assign requested address EADDRNOTAVAIL in \d+ ms$/,
    );
    expect(report.verdict.category).toBe("addrnotavail");
    expect(report.verdict.causes[0]?.id).toBe("addrnotavail-ephemeral-ports");
    expect(report.steps.find((s) => s.name === "local ports")?.detail).toBe(
      "2 ephemeral ports (40000–40001); toward the target: 2 ESTABLISHED, 0 TIME_WAIT",
    );
  });
});

describe("doctor with names and routes of its own (root)", () => {
  let pair: NetnsPair;
  // The client namespace's own /etc/hosts: localhost gives ::1 first, as on many machines.
  const hosts = [
    "::1 localhost",
    "127.0.0.1 localhost",
    "198.18.0.3 moved.connlab.test",
    "198.18.0.2 other.connlab.test",
    "",
  ].join("\n");
  const ipv4OnlyLocal = `
const net = require("node:net");
net.createServer((s) => { s.on("error", () => {}); s.end("HELLO connlab\\n"); }).listen(8090, "127.0.0.1", () => console.log("{}"));`;

  beforeAll(async () => {
    pair = await createNetnsPair({ hosts });
    await pair.spawnIn(pair.server, process.execPath, ["-e", listeners]);
    await pair.spawnIn(pair.client, process.execPath, ["-e", ipv4OnlyLocal]);
  });
  afterAll(async () => {
    await pair?.close();
  });

  async function doctor(args: readonly string[]): Promise<Report> {
    const out = await pair
      .exec(
        pair.client,
        process.execPath,
        [main, "doctor", ...args, "--json", "--lang", "en", "--timeout", String(timeoutS)],
        15_000,
      )
      .catch((error: { stdout?: string }) => error.stdout ?? "");
    return JSON.parse(out) as Report;
  }

  it("localhost resolving to ::1 first, server on 127.0.0.1 only: refused-localhost-ipv6", async () => {
    const report = await doctor(["tcp://localhost:8090"]);
    expect(report.steps.find((s) => s.name === "resolve")?.detail).toBe(
      "localhost → ::1, 127.0.0.1 (::1 first: clients that try only the first address use IPv6)",
    );
    expect(report.verdict.category).toBe("refused");
    expect(report.verdict.causes[0]?.id).toBe("refused-localhost-ipv6");
  });

  it("a name resolving to an address where nobody answers, --expect-ip set: timeout-dns-wrong-ip", async () => {
    const report = await doctor(["tcp://moved.connlab.test:8080", "--expect-ip", pair.serverAddress]);
    expect(report.verdict.category).toBe("timeout");
    expect(report.verdict.causes[0]?.id).toBe("timeout-dns-wrong-ip");
  });

  it("a name resolving to a host that refuses, --expect-ip set: refused-dns-wrong-ip", async () => {
    const report = await doctor([`tcp://other.connlab.test:${closed}`, "--expect-ip", "198.18.0.9"]);
    expect(report.verdict.category).toBe("refused");
    expect(report.verdict.causes[0]?.id).toBe("refused-dns-wrong-ip");
  });

  it("a private address with no route from here: timeout-internal-ip", async () => {
    // No route to 10.202.0.0/16 in the client namespace: the kernel fails the connect at once.
    const report = await doctor(["tcp://10.202.0.9:8080"]);
    expect(report.steps.find((s) => s.check === "connect")?.detail).toMatch(
      /^network unreachable ENETUNREACH in \d+ ms$/,
    );
    expect(report.verdict.category).toBe("timeout");
    expect(report.verdict.causes[0]?.id).toBe("timeout-internal-ip");
  });
});
