import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connlab } from "./cli.ts";

/**
 * Each workshop test runs the real CLI as a child process four to eight times (start, check,
 * edit, restart, check); on a loaded machine that outgrows the lab tier's 60 s backstop.
 */
export const cliRuns = { timeout: 120_000 };

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A port base whose ten fixed ports are free right now, below the kernel's ephemeral range
 * (32768+) where other tests' port-0 listeners and clients live.
 */
export async function freePortBase(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 1_200) * 10;
    const free = await Promise.all(Array.from({ length: 10 }, (_, i) => portFree(base + i + 1)));
    if (free.every(Boolean)) return base;
  }
  throw new Error("no free block of ten ports for the workshop");
}

/**
 * A workshop of its own for one test file: a temporary state dir (never the real .connlab/) and
 * a free port base, passed to the real CLI through CONNLAB_STATE_DIR/CONNLAB_WORKSHOP_PORT_BASE.
 */
export async function workshopSandbox() {
  const stateDir = mkdtempSync(join(tmpdir(), "connlab-workshop-"));
  const portBase = await freePortBase();
  const env = { CONNLAB_STATE_DIR: stateDir, CONNLAB_WORKSHOP_PORT_BASE: String(portBase) };
  const file = (exercise: string, name: string) => join(stateDir, "workshop", exercise, name);
  return {
    stateDir,
    portBase,
    env,
    run: (args: readonly string[], extraEnv: Record<string, string> = {}) =>
      connlab(args, { env: { ...env, ...extraEnv } }),
    file,
    /** Edits a config file the way an attendee does in an editor. */
    edit(exercise: string, name: string, change: (text: string) => string): void {
      const path = file(exercise, name);
      writeFileSync(path, change(readFileSync(path, "utf8")));
    },
    async cleanup(): Promise<void> {
      await connlab(["workshop", "stop"], { env });
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

export type WorkshopSandbox = Awaited<ReturnType<typeof workshopSandbox>>;
