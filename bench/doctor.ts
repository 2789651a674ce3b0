/**
 * Time to verdict per scenario, beside the time curl needs to fail (or finish) on the same target
 * in the same run. Medians of several rounds; prints figures only. Targets from issue 7: refused
 * and protocol verdicts within 2× curl's wall time, timeout verdicts within the timeout + 10%.
 *
 *   node bench/doctor.ts [--rounds N]        (as root it adds a firewall-drop case in a namespace)
 *
 * "doctor (fn)" is runDoctor in this process; "doctor (cli)" is `connlab doctor` as a new Node
 * process, which includes Node's start-up, as curl's figure includes curl's.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { curlUpgradeHeaders } from "@connlab/probes";
import { runDoctor } from "@connlab/probes/doctor";
import { freePort, type Listening, startHttp, startNet, startWs } from "@connlab/servers";

const run = promisify(execFile);
const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg > 0 ? Math.max(1, Math.min(50, Number(process.argv[roundsArg + 1]) || 5)) : 5;
const timeoutS = 1;
const main = join(import.meta.dirname, "..", "cli", "bin", "connlab.js");

interface Case {
  readonly name: string;
  readonly url: string;
  /** The same target as curl sees it (curl here speaks no ws://: http:// with the upgrade headers). */
  readonly curl: readonly string[];
  /** Run inside this network namespace (root case only). */
  readonly netns?: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work().catch(() => undefined);
  return performance.now() - started;
}

function inNetns(netns: string | undefined, file: string, args: readonly string[]): [string, string[]] {
  return netns ? ["ip", ["netns", "exec", netns, file, ...args]] : [file, [...args]];
}

async function measure(c: Case) {
  const fn: number[] = [];
  const cli: number[] = [];
  const curl: number[] = [];
  let category = "";
  for (let i = 0; i < rounds; i++) {
    if (!c.netns) {
      fn.push(
        await timed(async () => {
          category = (await runDoctor(c.url, { timeoutMs: timeoutS * 1000, env: {} })).verdict.category;
        }),
      );
    }
    const [dFile, dArgs] = inNetns(c.netns, process.execPath, [
      main,
      "doctor",
      c.url,
      "--json",
      "--timeout",
      String(timeoutS),
    ]);
    cli.push(
      await timed(async () => {
        const out = await run(dFile, dArgs, {
          timeout: 30_000,
          env: { ...process.env, NO_COLOR: "1" },
        }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? "{}" }));
        category = (JSON.parse(out.stdout) as { verdict?: { category?: string } }).verdict?.category ?? "?";
      }),
    );
    const [cFile, cArgs] = inNetns(c.netns, "curl", [
      "-sS",
      "-o",
      "/dev/null",
      "--connect-timeout",
      String(timeoutS),
      "-m",
      String(timeoutS),
      ...c.curl,
    ]);
    curl.push(await timed(() => run(cFile, cArgs, { timeout: 30_000 })));
  }
  return { fn: fn.length ? median(fn) : undefined, cli: median(cli), curl: median(curl), category };
}

async function rootDropCase(): Promise<{ c: Case; close: () => Promise<void> } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const netns = `connlab-drb${process.pid}`;
  const port = 8081;
  try {
    await run("ip", ["netns", "add", netns]);
    await run("ip", ["-n", netns, "link", "set", "lo", "up"]);
    // Inside the bench's own namespace only: drop SYNs to one port on its loopback.
    await run("ip", [
      "netns",
      "exec",
      netns,
      "nft",
      `table inet connlab_bench {\n  chain input {\n    type filter hook input priority 0;\n    tcp dport ${port} drop\n  }\n}`,
    ]);
  } catch {
    await run("ip", ["netns", "delete", netns]).catch(() => undefined);
    return undefined;
  }
  return {
    c: {
      name: "timeout-firewall (drop)",
      url: `tcp://127.0.0.1:${port}`,
      curl: [`telnet://127.0.0.1:${port}`],
      netns,
    },
    close: () => run("ip", ["netns", "delete", netns]).then(() => undefined),
  };
}

const servers: Listening[] = [];
const keep = async (s: Promise<Listening>) => {
  const started = await s;
  servers.push(started);
  return started.port;
};
const stopAll = async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
};
let dropCase: Awaited<ReturnType<typeof rootDropCase>>;
process.once("SIGINT", () => {
  void stopAll()
    .then(() => dropCase?.close())
    .finally(() => process.exit(130));
});

try {
  const closed = await freePort();
  const httpPort = await keep(startHttp({ host: "127.0.0.1" }));
  const wsPort = await keep(startWs({ host: "127.0.0.1" }));
  const netPort = await keep(startNet({ host: "127.0.0.1" }));
  const cases: Case[] = [
    {
      name: "refused-not-listening",
      url: `http://127.0.0.1:${closed}/`,
      curl: [`http://127.0.0.1:${closed}/`],
    },
    {
      name: "refused-loopback-only",
      url: `http://127.0.0.2:${httpPort}/`,
      curl: [`http://127.0.0.2:${httpPort}/`],
    },
    {
      name: "protocol-ws-to-http",
      url: `ws://127.0.0.1:${httpPort}/`,
      curl: [...curlUpgradeHeaders, `http://127.0.0.1:${httpPort}/`],
    },
    {
      name: "protocol-ws-to-raw-tcp",
      url: `ws://127.0.0.1:${netPort}/`,
      curl: [...curlUpgradeHeaders, `http://127.0.0.1:${netPort}/`],
    },
    {
      name: "protocol-http-to-ws",
      url: `http://127.0.0.1:${wsPort}/`,
      curl: ["--fail", `http://127.0.0.1:${wsPort}/`],
    },
    {
      name: "protocol-tls-mismatch",
      url: `https://127.0.0.1:${httpPort}/`,
      curl: ["-k", `https://127.0.0.1:${httpPort}/`],
    },
    {
      name: "ok (healthy ws)",
      url: `ws://127.0.0.1:${wsPort}/`,
      curl: [...curlUpgradeHeaders, "-m", "0.3", `http://127.0.0.1:${wsPort}/`],
    },
  ];
  dropCase = await rootDropCase();
  if (dropCase) cases.push(dropCase.c);
  const ms = (n: number | undefined) => (n === undefined ? "-" : `${n.toFixed(0)} ms`);
  process.stdout.write(
    `doctor vs curl, median of ${rounds} rounds, --timeout ${timeoutS} s, Node ${process.versions.node}\n`,
  );
  const head = ["scenario", "verdict", "doctor (fn)", "doctor (cli)", "curl", "cli/curl", "fn/curl"];
  const rows: string[][] = [];
  for (const c of cases) {
    const r = await measure(c);
    rows.push([
      c.name,
      r.category,
      ms(r.fn),
      ms(r.cli),
      ms(r.curl),
      `${(r.cli / r.curl).toFixed(2)}×`,
      r.fn === undefined ? "-" : `${(r.fn / r.curl).toFixed(2)}×`,
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  for (const row of [head, ...rows]) {
    process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ")}\n`);
  }
} finally {
  await stopAll();
  await dropCase?.close();
}
