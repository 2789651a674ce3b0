/** The probe's readable report: one block per scenario, one line per client, ✓/✗, a summary. */
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

export function formatReport(report: ProbeReport): string {
  const out: string[] = [];
  for (const r of report.scenarios) {
    out.push(`${mark[r.status]} ${r.scenario}  ${r.status}  → ${r.url}`);
    for (const o of r.observations) out.push(line("", o));
    if (r.control) out.push(line("control ", r.control));
    if (r.contrast) out.push(line("contrast ", r.contrast), `        ${r.contrast.url}: ${r.contrast.note}`);
    if (r.fixed) {
      out.push(`    fixed with ${r.fixed.sysctls.join(" ")}:`);
      for (const o of r.fixed.observations) out.push(line("fixed ", o));
    }
    for (const s of r.skipped) out.push(`    - ${s.client}: not run (${s.why})`);
    if (r.note) out.push(`    note: ${r.note}`);
  }
  const { reproduced, failed, unverified } = report.counts;
  out.push("", `${reproduced} reproduced, ${failed} failed, ${unverified} unverified`);
  return `${out.join("\n")}\n`;
}
