/** The probe's readable report: one block per scenario, one line per client, ✓/✗, a summary. */
import { type GuideLocale, guideUrl } from "@connlab/probes/doctor";
import type { Checked, ScenarioResult } from "./check.ts";

export interface ProbeReport {
  readonly ok: boolean;
  readonly counts: Readonly<Record<ScenarioResult["status"], number>>;
  readonly scenarios: readonly ScenarioResult[];
}

export function summarize(results: readonly ScenarioResult[]): ProbeReport {
  const counts = { reproduced: 0, failed: 0, unverified: 0 };
  for (const r of results) counts[r.status]++;
  return { ok: counts.failed === 0 && counts.unverified === 0, counts, scenarios: results };
}

const mark = { reproduced: "✓", failed: "✗", unverified: "?" } as const;

function line(prefix: string, o: Checked): string {
  const seen = `${o.code}: ${o.message}`;
  const head = `    ${o.ok ? "✓" : "✗"} ${prefix}${o.client.padEnd(9)} ${seen}  (${o.elapsedMs} ms, ${o.clientVersion})`;
  return o.ok ? head : `${head}\n        expected ${o.expected}\n        ${o.why}`;
}

/** Where the guide explains a scenario, in the reader's language. */
export interface Pages {
  readonly locale: GuideLocale;
  readonly base?: string;
}

/** One scenario's block, printed as soon as it finishes. */
export function formatScenario(r: ScenarioResult, pages?: Pages): string {
  const out = [`${mark[r.status]} ${r.scenario}  ${r.status}  → ${r.url}`];
  if (pages) out.push(`    ${guideUrl(r.scenario, pages.locale, pages.base)}`);
  for (const o of r.observations) out.push(line("", o));
  if (r.control) out.push(line("control ", r.control));
  if (r.contrast) out.push(line("contrast ", r.contrast), `        ${r.contrast.url}: ${r.contrast.note}`);
  if (r.fixed) {
    out.push(`    fixed with ${r.fixed.sysctls.join(" ")}:`);
    for (const o of r.fixed.observations) out.push(line("fixed ", o));
  }
  if (r.failure) out.push(`    ✗ failed run: ${r.failure}`);
  if (r.fixed?.failure) out.push(`    ✗ failed fixed run: ${r.fixed.failure}`);
  for (const s of r.skipped) out.push(`    - ${s.client}: not run (${s.why})`);
  if (r.note) out.push(`    note: ${r.note}`);
  return `${out.join("\n")}\n`;
}

/** The last line: how many reproduced as documented. */
export function summaryLine(report: ProbeReport): string {
  const { reproduced, failed, unverified } = report.counts;
  return `${reproduced} reproduced, ${failed} failed, ${unverified} unverified\n`;
}

export function formatReport(report: ProbeReport, pages?: Pages): string {
  return `${report.scenarios.map((r) => formatScenario(r, pages)).join("")}\n${summaryLine(report)}`;
}
