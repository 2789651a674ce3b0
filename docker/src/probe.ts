/**
 * The probe service: `probe.ts [--json] [--out FILE] [--scenario ID…]`. Reproduces every docker-tier scenario of
 * the categories in CONNLAB_CATEGORIES (set per probe service by compose.yaml) against the
 * stack's services, prints the report (or JSON with --json), and exits 0 only when every
 * scenario was reproduced as documented.
 */
import { existsSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { chromiumInstalled } from "@connlab/probes/chromium";
import { localeFromEnv } from "@connlab/probes/doctor";
import { getScenario } from "@connlab/scenarios";
import { checkScenario, type FixedResult, type ScenarioResult } from "./check.ts";
import {
  agentPort,
  clientService,
  dockerScenario,
  dockerTierIds,
  fixedClientService,
  reportDoneFile,
  servicesOf,
} from "./compose.ts";
import { waitUntilReady } from "./ready.ts";
import { formatScenario, summarize, summaryLine } from "./report.ts";
import { agentTimeoutMs, readyDeadlineMs } from "./timeouts.ts";

const { values } = parseArgs({
  options: {
    json: { type: "boolean" },
    out: { type: "string" },
    scenario: { type: "string", multiple: true },
  },
});
const categories = (process.env.CONNLAB_CATEGORIES ?? "").split(",").filter(Boolean);
const only = (values.scenario ?? []).map((id) => getScenario(id).id);
const ids = dockerTierIds.filter(
  (id) =>
    (categories.length === 0 || categories.includes(getScenario(id).category)) &&
    (only.length === 0 || only.includes(id)),
);
if (ids.length === 0) {
  process.stderr.write(
    `probe: no docker-tier scenario among ${only.join(", ")} in ${categories.join(", ")}\n`,
  );
  process.exit(2);
}

async function ask<T>(service: string): Promise<T> {
  const response = await fetch(`http://${service}:${agentPort}/`, {
    signal: AbortSignal.timeout(agentTimeoutMs),
  }).catch((error: unknown) => {
    // The watchdog on a client container: say which one did not answer, not undici's wording.
    const why =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${agentTimeoutMs / 1000} s`
        : String(error);
    throw new Error(`${service}: ${why}`);
  });
  const body = (await response.json()) as T | { error: string };
  if (body && typeof body === "object" && "error" in body) throw new Error(`${service}: ${body.error}`);
  return body as T;
}

/** The browser profile's probe (Chromium in its image) asks the client containers' browser twins. */
const browser = chromiumInstalled();

async function viaAgent(id: string): Promise<ScenarioResult> {
  const entry = dockerScenario(id);
  const [result, fixed] = await Promise.all([
    ask<ScenarioResult>(clientService(id, browser)),
    entry.client?.fixed ? ask<FixedResult>(fixedClientService(id, browser)) : undefined,
  ]);
  if (!fixed) return result;
  const broken = result.status;
  const fixedOk = !fixed.failure && fixed.observations.every((o) => o.ok);
  const status = broken === "reproduced" && !fixedOk ? "failed" : broken;
  return { ...result, status, fixed };
}

const pages = {
  locale: localeFromEnv(process.env),
  ...(process.env.CONNLAB_SITE_URL ? { base: process.env.CONNLAB_SITE_URL } : {}),
};

/** One scenario, printed as soon as it finishes (the text report) so `up` reads as it goes. */
async function reproduceAndShow(id: string): Promise<ScenarioResult> {
  const entry = dockerScenario(id);
  const result = await (entry.client ? viaAgent(id) : checkScenario(id));
  if (!values.json) process.stdout.write(formatScenario(result, pages));
  return result;
}

try {
  await waitUntilReady(servicesOf(ids, browser), readyDeadlineMs);
  const report = summarize(await Promise.all(ids.map(reproduceAndShow)));
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, json);
  process.stdout.write(values.json ? json : `\n${summaryLine(report)}`);
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  // One line, no stack: a service that never listened, an agent that did not answer.
  process.stderr.write(`probe: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
} finally {
  // The lab's services stop once this exists (docker/run-service.sh): plain `up` ends here.
  if (existsSync(dirname(reportDoneFile))) writeFileSync(reportDoneFile, "");
}
