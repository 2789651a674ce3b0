import { join } from "node:path";

/** The repository root: `.connlab/` lives there unless CONNLAB_STATE_DIR says otherwise. */
const repoRoot = join(import.meta.dirname, "..", "..");

/** Ports the exercises use are this base plus a fixed offset each (see exercises/index.ts). */
export const defaultPortBase = 47800;

/** Where connlab keeps run state; tests point CONNLAB_STATE_DIR at a temporary directory. */
export function stateDir(): string {
  return process.env.CONNLAB_STATE_DIR ?? join(repoRoot, ".connlab");
}

export function workshopDir(): string {
  return join(stateDir(), "workshop");
}

export function exerciseDir(name: string): string {
  return join(workshopDir(), name);
}

/** CONNLAB_WORKSHOP_PORT_BASE moves every fixed port at once, so tests never collide. */
export function portBase(): number {
  const raw = process.env.CONNLAB_WORKSHOP_PORT_BASE;
  if (raw === undefined || raw === "") return defaultPortBase;
  const base = Number(raw);
  if (!Number.isInteger(base) || base < 1024 || base > 65_000) {
    throw new Error(`CONNLAB_WORKSHOP_PORT_BASE must be an integer from 1024 to 65000, not "${raw}"`);
  }
  return base;
}

/** Files of the package that run as processes of their own (the daemon, burst, servers). */
export function scriptPath(file: string): string {
  return join(import.meta.dirname, file);
}
