import { labSetup, reproducibleHere } from "@connlab/probes";
import { ConnlabError, getScenario, type Scenario, scenarios } from "@connlab/scenarios";
import { type RunningSetup, removeLeftovers, setups } from "@connlab/servers";
import { t } from "../i18n/index.ts";
import { paint } from "../output.ts";
import { browserUrl, triedInBrowser } from "./browser-targets.ts";
import { printLabTable } from "./print-table.ts";
import { isLabProcess, type LabEntry, readState, removeState, writeState } from "./state.ts";
import { tryItCommand } from "./try-it.ts";

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

/** The fixed setup beside the broken one, for the page's "fixed" button; its browser URL. */
async function startFixed(scenario: Scenario, running: RunningSetup[]): Promise<string | undefined> {
  const setup = setups.get(scenario.fix.apply.name);
  if (setup?.tier !== "lab") return undefined;
  const started = await setup.start(scenario.fix.apply.params);
  running.push(started);
  return browserUrl(started.target, "fixed");
}

/** `connlab lab up`: starts the setups, prints their table, and holds them until a signal. */
export async function up(ids: readonly string[]): Promise<void> {
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
                ...(started.target.idleMs ? { idleMs: started.target.idleMs } : {}),
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
  printLabTable(entries);
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
