/**
 * The CLI's own words in English. Every key here must exist in es.ts too (the type says so, and
 * tests/unit/cli/i18n.test.ts checks it): `{name}` marks a value filled in at run time.
 */
export const en = {
  // scenarios
  "scenarios.head.id": "id",
  "scenarios.head.category": "category",
  "scenarios.head.title": "title",
  "scenarios.head.tiers": "tiers",
  // reproduce
  "reproduce.head.client": "client",
  "reproduce.head.code": "code",
  "reproduce.head.message": "message",
  "reproduce.head.time": "time",
  "reproduce.fixedSuffix": " (fixed)",
  "reproduce.setup": "setup: {facts}",
  "reproduce.fixed": "fixed: every client connected",
  "reproduce.reproduced": "reproduced: every client saw what the guide documents",
  "reproduce.notAsDocumented": "not as documented",
  "reproduce.runFailed": "run failed: {failure}",
  // doctor
  "doctor.waiting": "… {step}: waiting (up to {seconds} s)",
  "doctor.ok": "verdict: ok",
  "doctor.okDetail": "connected, and the port speaks what the scheme expects",
  "doctor.note": "note",
  "doctor.verdict": "verdict: {category}",
  "doctor.noCause": "no known cause matches this evidence; see the steps above",
  "doctor.ambiguous": "the evidence cannot tell the first causes apart: check each below",
  "doctor.evidence": "evidence:",
  "doctor.fix": "fix:     ",
  "doctor.guide": "guide:   ",
  "doctor.openWith": "open it with `pnpm connlab start` (then {url})",
  // lab
  "lab.head.scenario": "scenario",
  "lab.head.url": "URL to try",
  "lab.head.tryIt": "see it fail",
  "lab.up": "lab up: {count} broken setups",
  "lab.upDetail": "(pid {pid}); Ctrl-C stops them",
  "lab.down": "lab down ({signal}): closed {count} setups",
  "lab.none": "no lab is running",
  "lab.stale": "no lab is running (stale {path} from pid {pid}; `connlab lab down` removes it)",
  "lab.running": "lab running since {since} (pid {pid})",
  "lab.stopped": "stopped the lab (pid {pid})",
  "lab.removedStale": "removed a stale lab state (pid {pid} was gone)",
  "lab.removedLeftover": "removed leftover {name}",
  // workshop
  "workshop.notReady": "not ready: fix the ✗ lines above",
  "workshop.ready": "ready",
  "workshop.scenario": "scenario {id}",
  "workshop.verify": "verify: {command}",
  "workshop.restarted": "{name}: restarted, listening on {address}",
  "workshop.fixed": "✓ {name}: fixed",
  "workshop.notFixed": "✗ {name}: not fixed yet",
  "workshop.head.exercise": "exercise",
  "workshop.head.scenario": "scenario",
  "workshop.head.tier": "tier",
  "workshop.head.running": "running",
  "workshop.head.verified": "verified",
  "workshop.progress": "{done} of {total} exercises verified",
  "workshop.stopped": "{name}: stopped",
  // start
  "start.building": "building the guide…",
  "start.buildFailed": "the guide failed to build; its whole log: {log} (or run again with --verbose)",
  "start.buildFailedAbove": "the guide failed to build (see above)",
  "start.guide": "guide:",
  "start.stop": "(Ctrl+C to stop)",
} as const;

export type MessageKey = keyof typeof en;
