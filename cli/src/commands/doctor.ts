import { isIP } from "node:net";
import {
  type DoctorReport,
  type DoctorStep,
  defaultDoctorTimeoutMs,
  defaultGuideUrl,
  exitCodeOf,
  type GuideLocale,
  guideLocales,
  localeFromEnv,
  parseTarget,
  runDoctor,
  TargetError,
} from "@connlab/probes/doctor";
import { type Command, Option } from "commander";
import yoctoSpinner from "yocto-spinner";
import { commandSummaries } from "../command-summaries.ts";
import { CliError } from "../errors.ts";
import { paint, printJson } from "../output.ts";

interface DoctorFlags {
  timeout: string;
  json?: boolean;
  lang?: GuideLocale;
  expectIp?: string;
  guideUrl?: string;
}

/** `--timeout` is in seconds, like curl's --connect-timeout; each check gets that much at most. */
function timeoutMsFrom(text: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds >= 0.05 && seconds <= 120)) {
    throw new CliError(
      `--timeout ${JSON.stringify(text.slice(0, 20))} must be a number of seconds from 0.05 to 120`,
    );
  }
  return Math.round(seconds * 1000);
}

function guideBaseFrom(text: string): string {
  try {
    const url = new URL(text);
    if (url.protocol === "http:" || url.protocol === "https:") return text;
  } catch {}
  throw new CliError(`--guide-url ${JSON.stringify(text.slice(0, 60))} must be an http(s) URL`);
}

export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description(commandSummaries.doctor)
    .argument("<target>", "ws://, wss://, http://, https://, tcp:// URL, or host:port")
    .option("--timeout <seconds>", "bound for each check", String(defaultDoctorTimeoutMs / 1000))
    .option("--json", "print the report as JSON")
    .addOption(
      new Option("--lang <locale>", "locale of the guide links (default: from LANG)").choices(guideLocales),
    )
    .option("--expect-ip <address>", "the IP the name should resolve to")
    .option("--guide-url <url>", `base URL of the guide (default: CONNLAB_GUIDE_URL or ${defaultGuideUrl})`)
    .action(async (input: string, flags: DoctorFlags) => {
      const timeoutMs = timeoutMsFrom(flags.timeout);
      if (flags.expectIp !== undefined && isIP(flags.expectIp) === 0) {
        throw new CliError(`--expect-ip ${JSON.stringify(flags.expectIp.slice(0, 60))} is not an IP address`);
      }
      try {
        parseTarget(input);
      } catch (error) {
        if (error instanceof TargetError) throw new CliError(error.message);
        throw error;
      }
      const guideUrl = guideBaseFrom(flags.guideUrl ?? process.env.CONNLAB_GUIDE_URL ?? defaultGuideUrl);
      const progress = flags.json ? quietProgress() : stepPrinter(timeoutMs);
      const report = await runDoctor(input, {
        timeoutMs,
        locale: flags.lang ?? localeFromEnv(process.env),
        guideUrl,
        ...(flags.expectIp !== undefined ? { expectIp: flags.expectIp } : {}),
        onStart: progress.start,
        onStep: progress.end,
      }).finally(progress.stop);
      process.exitCode = exitCodeOf(report);
      if (flags.json) printJson(report);
      else process.stdout.write(renderVerdict(report));
    });
}

interface Progress {
  start(name: string): void;
  end(step: DoctorStep): void;
  stop(): void;
}

/**
 * On a terminal a spinner names the running check; piped, a line appears when a check has been
 * running for a second, so the output is never silent for longer than that.
 */
function stepPrinter(timeoutMs: number): Progress {
  const tty = Boolean(process.stderr.isTTY);
  const spinner = tty ? yoctoSpinner({ stream: process.stderr }) : undefined;
  const waiting = new Map<string, NodeJS.Timeout>();
  return {
    start(name) {
      if (spinner) {
        spinner.text = `${name}…`;
        if (!spinner.isSpinning) spinner.start();
        return;
      }
      const timer = setTimeout(
        () => process.stderr.write(`… ${name}: waiting (up to ${timeoutMs / 1000} s)\n`),
        1_000,
      );
      waiting.set(name, timer);
    },
    end(step) {
      clearTimeout(waiting.get(step.name));
      waiting.delete(step.name);
      spinner?.clear();
      const mark = step.ok ? paint("green", "✓") : paint("red", "✗");
      const time = paint("dim", `${step.elapsedMs} ms`);
      process.stdout.write(`${mark} ${paint("bold", step.name.padEnd(12))} ${step.detail}  ${time}\n`);
    },
    stop() {
      for (const timer of waiting.values()) clearTimeout(timer);
      spinner?.stop();
    },
  };
}

/** --json: stdout carries the JSON only; a terminal on stderr still gets the spinner. */
function quietProgress(): Progress {
  const spinner = process.stderr.isTTY ? yoctoSpinner({ stream: process.stderr }) : undefined;
  return {
    start(name) {
      if (!spinner) return;
      spinner.text = `${name}…`;
      if (!spinner.isSpinning) spinner.start();
    },
    end() {},
    stop() {
      spinner?.stop();
    },
  };
}

export function renderVerdict(report: DoctorReport): string {
  const { category, causes } = report.verdict;
  if (category === "ok") {
    const notes = causes.map((c) => `  note: ${c.evidence} (${c.id})\n`).join("");
    return `\n${paint("green", "verdict: ok")}: connected, and the port speaks what the scheme expects\n${notes}`;
  }
  const lines = [`\n${paint(["bold", "red"], `verdict: ${category}`)}`];
  if (causes.length === 0) lines.push("  no known cause matches this evidence; see the steps above");
  const ambiguous = causes.filter((c) => c.confidence === causes[0]?.confidence).length > 1;
  if (ambiguous)
    lines.push(paint("yellow", "  the evidence cannot tell the first causes apart: check each below"));
  causes.forEach((c, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${paint("bold", c.id)} ${paint("dim", `(${c.confidence})`)}`);
    lines.push(`     evidence: ${c.evidence}`);
    lines.push(`     fix:      ${c.fix}`);
    lines.push(`     guide:    ${c.docs}`);
  });
  return `${lines.join("\n")}\n`;
}
