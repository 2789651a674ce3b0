/**
 * One line per command, for `connlab --help`: kept apart from the commands themselves so that
 * the top-level help lists them all without loading any (which would load the whole lab).
 */
export const commandSummaries = {
  scenarios: "list the catalogue of failure scenarios",
  reproduce: "set a scenario up, run its clients, tear it down, and show what each saw",
  doctor: "diagnose why a client cannot connect to <target>, and name the guide's page for it",
  record: "reproduce every scenario this machine can, broken and fixed, into probes/observations.json",
  lab: "run the rootless lab's broken setups in the foreground",
  start: "serve the guide and start the local lab (the README's main job)",
  workshop: "the workshop track: break an exercise, see it, fix it, verify it",
  docker: "the compose stack (docker/compose.yaml): up, report, down",
} as const;

export type CommandName = keyof typeof commandSummaries;
