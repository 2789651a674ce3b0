/**
 * Reproduces one docker-tier scenario from inside the stack: resolves the target, prepares the
 * client side when the scenario says so, and runs every catalogue client that exists in the
 * image through observe(), the lab's one runtime: clients with their defaults, the kernel's
 * timers (tcp_syn_retries shortened by compose in this container), the one watchdog.
 */
import { readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { type Judged, observe, type Report } from "@connlab/probes";
import { chromiumInstalled } from "@connlab/probes/chromium";
import { type ClientName, type Expectation, getScenario, type Scenario } from "@connlab/scenarios";
import type { Target } from "@connlab/servers";
import { dockerScenario } from "./compose.ts";
import { prepare } from "./prepare.ts";
import type { DockerTarget } from "./stack.ts";

/** One client's observation judged against the catalogue (or the docker override), or "connected". */
export type Checked = Judged;

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
  /** Set when the run failed: the watchdog ended it before these clients had an outcome. */
  readonly failure?: string;
}

export interface FixedResult {
  /** The fixed container's sysctls, as `name=value` pairs. */
  readonly sysctls: readonly string[];
  readonly observations: readonly Checked[];
  readonly failure?: string;
}

/**
 * Clients the image cannot run: they have their own tier. Chromium is there only in the browser
 * profile's image (docker/Dockerfile, target `browser`), not in the lean default one.
 */
function notInImage(client: ClientName): string | undefined {
  if (client === "chromium" && !chromiumInstalled())
    return "Chromium is not in the image; the browser tier reproduces this one";
  // Never in an image: Firefox runs only where it reaches nothing but the lab (probes/src/own-network.ts).
  if (client === "firefox") return "Firefox is not in the image; the browser tier reproduces this one";
  return undefined;
}

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

/**
 * One client against one target (the control, the contrast), through observe() all the same:
 * a scenario whose only expectation is the one given.
 */
async function observeOne(
  scenario: Scenario,
  target: Target,
  expected: Expectation | "connected",
): Promise<Report> {
  const expectation =
    expected === "connected" ? { client: "node-net" as const, code: "OK", message: "" } : expected;
  return observe({ ...scenario, expect: [expectation] }, target, { fixed: expected === "connected" });
}

function runnableExpectations(id: string) {
  const entry = dockerScenario(id);
  const overrides = new Map((entry.override?.expect ?? []).map((e) => [e.client, e]));
  const expectations = getScenario(id).expect.map((e) => overrides.get(e.client) ?? e);
  const skipped: { client: ClientName; why: string }[] = [];
  const runnable = expectations.filter((e) => {
    const why = notInImage(e.client);
    if (why) skipped.push({ client: e.client, why });
    return !why;
  });
  return { runnable, skipped };
}

/** Runs in `client-<id>-fixed`: the same preparation under the fixed sysctls; all must connect. */
export async function checkFixed(id: string): Promise<FixedResult> {
  const scenario = getScenario(id);
  const entry = dockerScenario(id);
  const fixed = entry.client?.fixed;
  if (!fixed) throw new Error(`scenario ${id} has no fixed client container`);
  const { runnable } = runnableExpectations(id);
  const target = toTarget(entry.broken);
  const release = await prepare(entry.client?.prepare, target, scenario);
  try {
    if (fixed.settleMs) await new Promise((resolve) => setTimeout(resolve, fixed.settleMs));
    const report = await observe(scenario, target, {
      clients: runnable.map((e) => e.client),
      fixed: true,
      ownProcess: true,
    });
    return {
      sysctls: Object.entries(fixed.sysctls).map(([k, v]) => `${k}=${v}`),
      observations: report.observations,
      ...(report.failure ? { failure: report.failure } : {}),
    };
  } finally {
    await release();
  }
}

export async function checkScenario(id: string): Promise<ScenarioResult> {
  const scenario = getScenario(id);
  const entry = dockerScenario(id);
  const { runnable, skipped } = runnableExpectations(id);
  const target = toTarget(entry.broken);
  const release =
    runnable.length > 0 ? await prepare(entry.client?.prepare, target, scenario) : async () => {};
  let report: Report | undefined;
  try {
    if (runnable.length > 0) {
      // Every scenario of the stack runs at once in this container: each run's clients get a
      // process (and an event loop) of their own, as they would on a user's machine.
      report = await observe(scenario, target, {
        clients: runnable.map((e) => e.client),
        expect: entry.override?.expect ?? [],
        ownProcess: true,
      });
    }
  } finally {
    await release();
  }
  const observations = report?.observations ?? [];
  const control =
    entry.control && report ? await observeOne(scenario, toTarget(entry.control), "connected") : undefined;
  const contrast =
    entry.contrast && report
      ? await observeOne(scenario, { url: entry.contrast.url }, entry.contrast.expect)
      : undefined;
  const failure = [report?.failure, control?.failure, contrast?.failure].filter(Boolean).join("; ");
  const ok = report?.ok !== false && control?.ok !== false && contrast?.ok !== false;
  return {
    scenario: id,
    category: scenario.category,
    status: runnable.length === 0 ? "unverified" : ok ? "reproduced" : "failed",
    url: target.url,
    observations,
    ...(control?.observations[0] ? { control: control.observations[0] } : {}),
    ...(contrast?.observations[0] && entry.contrast
      ? { contrast: { ...contrast.observations[0], url: entry.contrast.url, note: entry.contrast.why } }
      : {}),
    skipped,
    ...(entry.override ? { note: entry.override.why } : {}),
    ...(failure ? { failure } : {}),
  };
}
