import { isIP } from "node:net";
import {
  type DoctorCheck,
  type DoctorReport,
  type DoctorStep,
  defaultDoctorTimeoutMs,
  exitCodeOf,
  parseTarget,
  runDoctor,
} from "@connlab/probes/doctor";
import { ConnlabError, getScenario } from "@connlab/scenarios";
// Not ../site.ts: that module serves the guide (node:http), which the doctor never does.
import { localSite } from "@connlab/scenarios/site-url";
import type { Command } from "commander";
import yoctoSpinner from "yocto-spinner";
import { commandSummaries } from "../command-summaries.ts";
import { locale, t } from "../i18n/index.ts";
import { paint, printJson } from "../output.ts";

interface DoctorFlags {
  timeout: string;
  json?: boolean;
  expectIp?: string;
  protocol?: string[];
  idle?: string;
  socketio?: boolean;
  guideUrl?: string;
}

/** `--timeout` is in seconds, like curl's --connect-timeout; each check gets that much at most. */
function timeoutMsFrom(text: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds >= 0.05 && seconds <= 120)) {
    throw new ConnlabError(
      "usage",
      `--timeout ${JSON.stringify(text.slice(0, 20))} must be a number of seconds from 0.05 to 120`,
    );
  }
  return Math.round(seconds * 1000);
}

/**
 * `--idle` is in seconds too: past a proxy's idle limit (nginx's is 60 s), up to ten minutes.
 */
function idleMsFrom(text: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds >= 1 && seconds <= 600)) {
    throw new ConnlabError(
      "usage",
      `--idle ${JSON.stringify(text.slice(0, 20))} must be a number of seconds from 1 to 600`,
    );
  }
  return Math.round(seconds * 1000);
}

function guideBaseFrom(text: string): string {
  try {
    const url = new URL(text);
    if (url.protocol === "http:" || url.protocol === "https:") return text;
  } catch {}
  throw new ConnlabError("usage", `--guide-url ${JSON.stringify(text.slice(0, 60))} must be an http(s) URL`);
}

export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description(commandSummaries.doctor)
    .argument("<target>", "ws://, wss://, http://, https://, tcp:// URL, or host:port")
    .option("--timeout <seconds>", "bound for each check", String(defaultDoctorTimeoutMs / 1000))
    .option("--json", "print the report as JSON")
    .option("--expect-ip <address>", "the IP the name should resolve to")
    .option(
      "--protocol <name...>",
      "the WebSocket subprotocols your client asks for (Sec-WebSocket-Protocol)",
    )
    .option(
      "--idle <seconds>",
      "keep the opened WebSocket silent this long, to see whether something on the path closes it",
    )
    .option(
      "--socketio",
      "open a Socket.IO session at /socket.io/ and poll it, to see whether its requests reach the server that holds it",
    )
    .option(
      "--guide-url <url>",
      "URL the guide is published at (default: CONNLAB_SITE_URL, else its local path)",
    )
    .action(async (input: string, flags: DoctorFlags) => {
      const timeoutMs = timeoutMsFrom(flags.timeout);
      const idleMs = flags.idle === undefined ? undefined : idleMsFrom(flags.idle);
      if (flags.expectIp !== undefined && isIP(flags.expectIp) === 0) {
        throw new ConnlabError(
          "usage",
          `--expect-ip ${JSON.stringify(flags.expectIp.slice(0, 60))} is not an IP address`,
        );
      }
      for (const name of flags.protocol ?? []) {
        // An HTTP token (RFC 9110 §5.6.2), as Sec-WebSocket-Protocol requires: nothing else reaches the wire.
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/.test(name)) {
          throw new ConnlabError(
            "usage",
            `--protocol ${JSON.stringify(name.slice(0, 60))} is not a subprotocol name (letters, digits and !#$%&'*+-.^_\`|~)`,
          );
        }
      }
      parseTarget(input);
      const published = flags.guideUrl ?? (process.env.CONNLAB_SITE_URL || undefined);
      const guideUrl = published === undefined ? undefined : guideBaseFrom(published);
      const progress = flags.json ? quietProgress() : stepPrinter(timeoutMs, idleMs);
      const report = await runDoctor(input, {
        timeoutMs,
        locale: locale(),
        ...(guideUrl !== undefined ? { guideUrl } : {}),
        ...(flags.expectIp !== undefined ? { expectIp: flags.expectIp } : {}),
        ...(flags.protocol !== undefined ? { protocols: flags.protocol } : {}),
        ...(idleMs !== undefined ? { idleMs } : {}),
        ...(flags.socketio ? { socketIo: true } : {}),
        onStart: progress.start,
        onStep: progress.end,
      }).finally(progress.stop);
      process.exitCode = exitCodeOf(report);
      if (flags.json) printJson(report);
      else process.stdout.write(renderVerdict(report));
    });
}

interface Progress {
  start(name: string, check: DoctorCheck): void;
  end(step: DoctorStep): void;
  stop(): void;
}

/**
 * On a terminal a spinner names the running check; piped, a line appears when a check has been
 * running for a second, so the output is never silent for longer than that.
 */
function stepPrinter(timeoutMs: number, idleMs: number | undefined): Progress {
  const tty = Boolean(process.stderr.isTTY);
  const spinner = tty ? yoctoSpinner({ stream: process.stderr }) : undefined;
  const waiting = new Map<string, NodeJS.Timeout>();
  return {
    start(name, check) {
      if (spinner) {
        spinner.text = `${name}…`;
        if (!spinner.isSpinning) spinner.start();
        return;
      }
      const timer = setTimeout(() => {
        // The idle watch is bounded by --idle, every other check by --timeout.
        const seconds = (check === "idle" && idleMs ? idleMs : timeoutMs) / 1000;
        process.stderr.write(`${t("doctor.waiting", { step: name, seconds })}\n`);
      }, 1_000);
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

/**
 * A published guide's URL as is; a bare page path (no CONNLAB_SITE_URL) with the way to open it:
 * `connlab start` serves the guide at the root of its port, so the path is the same there.
 */
function guideLine(docs: string): string {
  if (!docs.startsWith("/")) return docs;
  return `${docs}  ${paint("dim", t("doctor.openWith", { url: `${localSite.site}${docs}` }))}`;
}

export function renderVerdict(report: DoctorReport): string {
  const { category, causes } = report.verdict;
  if (category === "ok") {
    const notes = causes.map((c) => `  ${t("doctor.note")}: ${c.evidence} (${c.id})\n`).join("");
    return `\n${paint("green", t("doctor.ok"))}: ${t("doctor.okDetail")}\n${notes}`;
  }
  const lines = [`\n${paint(["bold", "red"], t("doctor.verdict", { category }))}`];
  if (causes.length === 0) lines.push(`  ${t("doctor.noCause")}`);
  const ambiguous = causes.filter((c) => c.confidence === causes[0]?.confidence).length > 1;
  if (ambiguous) lines.push(paint("yellow", `  ${t("doctor.ambiguous")}`));
  causes.forEach((c, i) => {
    const title = getScenario(c.id).title[locale()];
    lines.push(
      `${String(i + 1).padStart(3)}. ${paint("bold", c.id)} ${paint("dim", `(${c.confidence})`)} ${title}`,
    );
    lines.push(`     ${t("doctor.evidence")} ${c.evidence}`);
    lines.push(`     ${t("doctor.fix")} ${c.fix}`);
    lines.push(`     ${t("doctor.guide")} ${guideLine(c.docs)}`);
  });
  return `${lines.join("\n")}\n`;
}
