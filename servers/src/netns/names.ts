/**
 * Everything the root lab creates is named `connlab-<pid>-<n>-<role>`: the pid says which run
 * owns it (so leftovers of dead runs can be told from other live runs), `n` tells apart the labs
 * of one run. Veths need no such name: they are created inside the lab's namespaces, never in
 * the host's, and vanish with them.
 */
export const labPrefix = "connlab-";

const pattern = /^connlab-(\d+)-(\d+)-[a-z0-9]+$/;

let sequence = 0;

/** A fresh lab id for this process, e.g. `4711-3`. */
export function nextLabId(): string {
  sequence += 1;
  return `${process.pid}-${sequence}`;
}

export function namespaceName(labId: string, role: string): string {
  return `${labPrefix}${labId}-${role}`;
}

/** The pid recorded in a lab name, or undefined when the name is not one of ours. */
export function ownerPid(name: string): number | undefined {
  const match = pattern.exec(name);
  return match ? Number(match[1]) : undefined;
}
