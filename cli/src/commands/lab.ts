import { getScenario, type Scenario, scenarios } from "@connlab/scenarios";
import type { RunningSetup } from "@connlab/servers";
import type { Command } from "commander";
import { commandSummaries } from "../command-summaries.ts";
import { CliError } from "../errors.ts";
import { isLabProcess, type LabEntry, readState, removeState, statePath, writeState } from "../lab/state.ts";
import { paint, printJson, table } from "../output.ts";

/** The servers and probes load only when a lab starts or stops: `lab status` reads one file. */
async function loadLab() {
  const [probes, servers, tryIt] = await Promise.all([
    import("@connlab/probes"),
    import("@connlab/servers"),
    import("../lab/try-it.ts"),
  ]);
  return {
    tryItCommand: tryIt.tryItCommand,
    reproducibleHere: probes.reproducibleHere,
    setups: servers.setups,
    removeRootLeftovers: servers.removeLeftovers,
  };
}
type Lab = Awaited<ReturnType<typeof loadLab>>;

/** Scenarios `lab up` starts when given no ids: every one the rootless lab reproduces. */
function rootlessScenarios({ reproducibleHere, setups }: Lab): Scenario[] {
  return scenarios.filter((s) => reproducibleHere(s) && setups.get(s.fault.name)?.tier === "lab");
}

function chosen(ids: readonly string[], lab: Lab): Scenario[] {
  if (ids.length === 0) return rootlessScenarios(lab);
  return ids.map((id) => {
    const scenario = getScenario(id);
    const setup = lab.setups.get(scenario.fault.name);
    if (!setup)
      throw new CliError(
        `scenario ${id} cannot be run by the lab yet (no setup "${scenario.fault.name}")`,
        1,
      );
    if (setup.tier === "docker")
      throw new CliError(`scenario ${id} runs in the Docker stack, not the lab`, 1);
    if (setup.tier === "lab-root" && process.getuid?.() !== 0) {
      throw new CliError(`scenario ${id} needs root (network namespaces); run it as root`, 1);
    }
    return scenario;
  });
}

/** Root lab: namespaces, veths and nft tables of runs that died; without root there are none to remove. */
async function removeLeftovers(lab?: Lab): Promise<string[]> {
  if (process.getuid?.() !== 0) return [];
  return (lab ?? (await loadLab())).removeRootLeftovers();
}

function printTable(entries: readonly LabEntry[]): void {
  const rows = entries.map((e) => [e.id, e.url, e.tryIt]);
  process.stdout.write(`${table(["scenario", "URL to try", "see it fail"], rows)}\n`);
}

async function up(ids: readonly string[]): Promise<void> {
  // An unknown id is a usage error, told before the lab loads.
  for (const id of ids) getScenario(id);
  const lab = await loadLab();
  const selected = chosen(ids, lab);
  const previous = readState();
  if (previous && isLabProcess(previous.pid)) {
    throw new CliError(
      `a lab is already running (pid ${previous.pid}); stop it with \`connlab lab down\``,
      1,
    );
  }
  // Listen for Ctrl-C/SIGTERM before anything starts, so a signal that arrives while setups
  // start (or right after the state file appears) still closes everything.
  const keepAlive = setInterval(() => {}, 60_000);
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await removeLeftovers(lab);
  const running: RunningSetup[] = [];
  const closeAll = () => Promise.all(running.map((r) => r.close().catch(() => {})));
  const entries: LabEntry[] = [];
  try {
    for (const scenario of selected) {
      const setup = lab.setups.get(scenario.fault.name);
      if (!setup) continue;
      const started = await setup.start(scenario.fault.params);
      running.push(started);
      entries.push({
        id: scenario.id,
        url: started.target.url,
        describe: setup.describe,
        tryIt: lab.tryItCommand(started.target),
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
    `${paint("bold", `lab up: ${entries.length} broken setups`)} (pid ${process.pid}); Ctrl-C stops them\n`,
  );
  // Stay in the foreground until a signal; the interval keeps the event loop alive even when
  // every setup is "nothing listens".
  const signal = await stopped;
  clearInterval(keepAlive);
  await closeAll();
  removeState();
  process.stdout.write(`lab down (${signal}): closed ${running.length} setups\n`);
}

function status(json: boolean): void {
  const state = readState();
  const alive = state !== undefined && isLabProcess(state.pid);
  if (json) {
    printJson({ running: alive, ...(state ? { state } : {}) });
    return;
  }
  if (!state) {
    process.stdout.write("no lab is running\n");
    return;
  }
  if (!alive) {
    process.stdout.write(
      `no lab is running (stale ${statePath()} from pid ${state.pid}; \`connlab lab down\` removes it)\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`lab running since ${state.startedAt} (pid ${state.pid})\n`);
  printTable(state.scenarios);
}

async function down(): Promise<void> {
  const state = readState();
  if (state && isLabProcess(state.pid)) {
    process.kill(state.pid, "SIGTERM");
    const deadline = Date.now() + 5_000;
    while (isLabProcess(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (isLabProcess(state.pid)) process.kill(state.pid, "SIGKILL");
    process.stdout.write(`stopped the lab (pid ${state.pid})\n`);
  } else {
    process.stdout.write(
      state ? `removed a stale lab state (pid ${state.pid} was gone)\n` : "no lab is running\n",
    );
  }
  removeState();
  for (const leftover of await removeLeftovers()) process.stdout.write(`removed leftover ${leftover}\n`);
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
