import { labSetup, reproducibleHere } from "@connlab/probes";
import { ConnlabError, getScenario, type Scenario, scenarios } from "@connlab/scenarios";
import { type RunningSetup, removeLeftovers, setups } from "@connlab/servers";
import type { Command } from "commander";
import { commandSummaries } from "../command-summaries.ts";
import { t } from "../i18n/index.ts";
import { browserUrl, triedInBrowser } from "../lab/browser-targets.ts";
import { isLabProcess, type LabEntry, readState, removeState, statePath, writeState } from "../lab/state.ts";
import { tryItCommand } from "../lab/try-it.ts";
import { paint, printJson, table } from "../output.ts";

/** Scenarios `lab up` starts when given no ids: every one the rootless lab reproduces. */
function rootlessScenarios(): Scenario[] {
  return scenarios.filter((s) => reproducibleHere(s) && setups.get(s.fault.name)?.tier === "lab");
}

function chosen(ids: readonly string[]): Scenario[] {
  if (ids.length === 0) return rootlessScenarios();
  return ids.map((id) => {
    const scenario = getScenario(id);
    labSetup(scenario);
    return scenario;
  });
}

function printTable(entries: readonly LabEntry[]): void {
  const rows = entries.map((e) => [e.id, e.url, e.tryIt]);
  const head = [t("lab.head.scenario"), t("lab.head.url"), t("lab.head.tryIt")];
  process.stdout.write(`${table(head, rows)}\n`);
}

/** The fixed setup beside the broken one, for the page's "fixed" button; its browser URL. */
async function startFixed(scenario: Scenario, running: RunningSetup[]): Promise<string | undefined> {
  const setup = setups.get(scenario.fix.apply.name);
  if (setup?.tier !== "lab") return undefined;
  const started = await setup.start(scenario.fix.apply.params);
  running.push(started);
  return browserUrl(started.target, "fixed");
}

async function up(ids: readonly string[]): Promise<void> {
  const selected = chosen(ids);
  const previous = readState();
  if (previous && isLabProcess(previous.pid)) {
    throw new ConnlabError(
      "failed",
      `a lab is already running (pid ${previous.pid}); stop it with \`connlab lab down\``,
    );
  }
  // Listen for Ctrl-C/SIGTERM before anything starts, so a signal that arrives while setups
  // start (or right after the state file appears) still closes everything.
  const keepAlive = setInterval(() => {}, 60_000);
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await removeLeftovers();
  const running: RunningSetup[] = [];
  const closeAll = () => Promise.all(running.map((r) => r.close().catch(() => {})));
  const entries: LabEntry[] = [];
  try {
    for (const scenario of selected) {
      const setup = setups.get(scenario.fault.name);
      if (!setup) continue;
      const started = await setup.start(scenario.fault.params);
      running.push(started);
      const browser = triedInBrowser(scenario) ? await startFixed(scenario, running) : undefined;
      const broken = browserUrl(started.target, "broken");
      entries.push({
        id: scenario.id,
        url: started.target.url,
        describe: setup.describe,
        tryIt: tryItCommand(started.target),
        ...(broken && browser
          ? {
              browser: {
                broken,
                fixed: browser,
                ...(started.target.protocols ? { protocols: started.target.protocols } : {}),
              },
            }
          : {}),
      });
    }
  } catch (error) {
    clearInterval(keepAlive);
    await closeAll();
    throw error;
  }
  writeState({ pid: process.pid, startedAt: new Date().toISOString(), scenarios: entries });
  printTable(entries);
  process.stdout.write(
    `${paint("bold", t("lab.up", { count: entries.length }))} ${t("lab.upDetail", { pid: process.pid })}\n`,
  );
  // Stay in the foreground until a signal; the interval keeps the event loop alive even when
  // every setup is "nothing listens".
  const signal = await stopped;
  clearInterval(keepAlive);
  await closeAll();
  removeState();
  process.stdout.write(`${t("lab.down", { signal, count: running.length })}\n`);
}

function status(json: boolean): void {
  const state = readState();
  const alive = state !== undefined && isLabProcess(state.pid);
  if (json) {
    printJson({ running: alive, ...(state ? { state } : {}) });
    return;
  }
  if (!state) {
    process.stdout.write(`${t("lab.none")}\n`);
    return;
  }
  if (!alive) {
    process.stdout.write(`${t("lab.stale", { path: statePath(), pid: state.pid })}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${t("lab.running", { since: state.startedAt, pid: state.pid })}\n`);
  printTable(state.scenarios);
}

async function down(): Promise<void> {
  const state = readState();
  if (state && isLabProcess(state.pid)) {
    process.kill(state.pid, "SIGTERM");
    const deadline = Date.now() + 5_000;
    while (isLabProcess(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (isLabProcess(state.pid)) process.kill(state.pid, "SIGKILL");
    process.stdout.write(`${t("lab.stopped", { pid: state.pid })}\n`);
  } else {
    process.stdout.write(`${state ? t("lab.removedStale", { pid: state.pid }) : t("lab.none")}\n`);
  }
  removeState();
  for (const leftover of await removeLeftovers())
    process.stdout.write(`${t("lab.removedLeftover", { name: leftover })}\n`);
}

export function registerLab(program: Command): void {
  const lab = program.command("lab").description(commandSummaries.lab);
  lab
    .command("up")
    .description("start the broken setups of the given scenarios (default: every rootless one) until Ctrl-C")
    .argument("[ids...]", "scenario ids (see `connlab scenarios`)")
    .action((ids: string[]) => up(ids));
  lab
    .command("status")
    .description("show what a running lab serves")
    .option("--json", "print the recorded state as JSON")
    .action((options: { json?: boolean }) => status(options.json ?? false));
  lab
    .command("down")
    .description("stop a running lab and remove its leftovers")
    .action(() => down());
}
