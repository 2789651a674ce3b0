/**
 * Reproduces one docker-tier scenario from inside the stack: resolves the target, prepares the
 * client side when the scenario says so, runs every catalogue client that exists in the image
 * concurrently, and judges each observation with judge(), the project's one comparison.
 */
import { readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { clients, judged, type Observation } from "@connlab/probes";
import { attemptBoundFor, type ClientName, type Expectation, getScenario } from "@connlab/scenarios";
import type { Target } from "@connlab/servers";
import { dockerScenario } from "./compose.ts";
import { prepare } from "./prepare.ts";
import type { DockerTarget } from "./stack.ts";

export interface Checked extends Observation {
  /** What the catalogue (or the docker override) expects, as `CODE /pattern/`, or "connected". */
  readonly expected: string;
  readonly ok: boolean;
  readonly why: string;
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly category: string;
  /** reproduced: every client saw what is documented; unverified: no client could run. */
  readonly status: "reproduced" | "failed" | "unverified";
  readonly url: string;
  readonly observations: readonly Checked[];
  /** The control: the same servers reached the documented way must connect. */
  readonly control?: Checked;
  /** The neighbouring setup that fails differently (a reject rule beside a drop rule). */
  readonly contrast?: Checked & { readonly url: string; readonly note: string };
  readonly skipped: readonly { readonly client: ClientName; readonly why: string }[];
  /** The documented kernel fix applied in a client container of its own: every client connects. */
  readonly fixed?: FixedResult;
  /** Set when docker-specific expectations replaced the catalogue's, saying why. */
  readonly note?: string;
}

export interface FixedResult {
  /** The fixed container's sysctls, as `name=value` pairs. */
  readonly sysctls: readonly string[];
  readonly observations: readonly Checked[];
}

/** Clients the image cannot run: they have their own tier. */
const notInImage: Partial<Record<ClientName, string>> = {
  chromium: "Chromium is not in the image; the browser tier reproduces this one",
};

/** The last usable address of this container's IPv4 network: Docker hands them out from the bottom. */
export function absentAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family !== "IPv4" || a.internal || !a.cidr) continue;
      const bits = Number(a.cidr.split("/")[1]);
      const ip = a.address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
      const last = (ip | (2 ** (32 - bits) - 1)) >>> 0;
      const absent = last - 1;
      return [24, 16, 8, 0].map((shift) => (absent >>> shift) & 255).join(".");
    }
  }
  throw new Error("no IPv4 network to pick an absent address from");
}

export function resolveUrl(url: string): string {
  return url
    .replace("{absent}", () => absentAddress())
    .replace("{internal-server}", () => readFileSync("/addresses/internal-server", "utf8").trim());
}

function toTarget(target: DockerTarget): Target {
  return { url: resolveUrl(target.url), ...(target.env ? { env: target.env } : {}) };
}

async function observe(
  name: ClientName,
  target: Target,
  timeoutMs: number,
  expected: Expectation | "connected",
) {
  const client = clients[name];
  if (!client) throw new Error(`client ${name} is not available`);
  return judged(await client.probe(target, { timeoutMs }), expected);
}

function runnableExpectations(id: string) {
  const entry = dockerScenario(id);
  const overrides = new Map((entry.override?.expect ?? []).map((e) => [e.client, e]));
  const expectations = getScenario(id).expect.map((e) => overrides.get(e.client) ?? e);
  const skipped: { client: ClientName; why: string }[] = [];
  const runnable = expectations.filter((e) => {
    const why =
      entry.pending ?? notInImage[e.client] ?? (clients[e.client] ? undefined : "client not implemented yet");
    if (why) skipped.push({ client: e.client, why });
    return !why;
  });
  return { runnable, skipped };
}

/** Runs in `client-<id>-fixed`: the same preparation under the fixed sysctls; all must connect. */
export async function checkFixed(id: string, timeoutMs: number): Promise<FixedResult> {
  const scenario = getScenario(id);
  const entry = dockerScenario(id);
  const fixed = entry.client?.fixed;
  if (!fixed) throw new Error(`scenario ${id} has no fixed client container`);
  const { runnable } = runnableExpectations(id);
  const target = toTarget(entry.broken);
  const release = await prepare(entry.client?.prepare, target, scenario);
  try {
    if (fixed.settleMs) await new Promise((resolve) => setTimeout(resolve, fixed.settleMs));
    const observations = await Promise.all(
      runnable.map((e) => observe(e.client, target, timeoutMs, "connected")),
    );
    return { sysctls: Object.entries(fixed.sysctls).map(([k, v]) => `${k}=${v}`), observations };
  } finally {
    await release();
  }
}

export async function checkScenario(id: string, timeoutMs: number): Promise<ScenarioResult> {
  const scenario = getScenario(id);
  const entry = dockerScenario(id);
  const { runnable, skipped } = runnableExpectations(id);
  const target = toTarget(entry.broken);
  const release =
    runnable.length > 0 ? await prepare(entry.client?.prepare, target, scenario) : async () => {};
  let observations: Checked[];
  try {
    // Past ARP's failure when a client is declared to meet it, as in the lab; else the probe's bound.
    const boundMs = Math.max(timeoutMs, attemptBoundFor(runnable));
    observations = await Promise.all(runnable.map((e) => observe(e.client, target, boundMs, e)));
  } finally {
    await release();
  }
  const control =
    entry.control && runnable.length > 0
      ? await observe("node-net", toTarget(entry.control), timeoutMs, "connected")
      : undefined;
  const contrast =
    entry.contrast && runnable.length > 0
      ? {
          ...(await observe("node-net", { url: entry.contrast.url }, timeoutMs, entry.contrast.expect)),
          url: entry.contrast.url,
          note: entry.contrast.why,
        }
      : undefined;
  const ok = observations.every((o) => o.ok) && (control?.ok ?? true) && (contrast?.ok ?? true);
  return {
    scenario: id,
    category: scenario.category,
    status: runnable.length === 0 ? "unverified" : ok ? "reproduced" : "failed",
    url: target.url,
    observations,
    ...(control ? { control } : {}),
    ...(contrast ? { contrast } : {}),
    skipped,
    ...(entry.override ? { note: entry.override.why } : {}),
  };
}
