import type { Command } from "commander";
import { commandSummaries } from "../command-summaries.ts";
import { t } from "../i18n/index.ts";
import { printLabTable } from "../lab/print-table.ts";
import { isLabProcess, readState, removeState, statePath } from "../lab/state.ts";
import { printJson } from "../output.ts";

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
  printLabTable(state.scenarios);
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
  const { removeLeftovers } = await import("@connlab/servers");
  for (const leftover of await removeLeftovers())
    process.stdout.write(`${t("lab.removedLeftover", { name: leftover })}\n`);
}

export function registerLab(program: Command): void {
  const lab = program.command("lab").description(commandSummaries.lab);
  lab
    .command("up")
    .description("start the broken setups of the given scenarios (default: every rootless one) until Ctrl-C")
    .argument("[ids...]", "scenario ids (see `connlab scenarios`)")
    // The setups (servers, probes, the catalogue) load only for `up`: `status` and `--help`
    // answer from the state file alone.
    .action(async (ids: string[]) => (await import("../lab/up.ts")).up(ids));
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
