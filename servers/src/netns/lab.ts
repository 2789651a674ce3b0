import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { onExitSync } from "../exit-cleanup.ts";
import type { RunningSetup } from "../setup.ts";
import { namespaceName, nextLabId } from "./names.ts";
import { addNamespace, deleteNamespace } from "./namespace.ts";
import { type Spawned, type SpawnOptions, spawnInNetns } from "./spawn.ts";

/**
 * One root-lab network: the namespaces (hosts) and processes it made, torn down together by
 * `close()`, by SIGINT/SIGTERM, or, after a SIGKILL, by the next removeLeftovers().
 */
export interface Lab {
  readonly id: string;
  /** Creates the host `connlab-<id>-<role>` (a namespace with lo up) and returns its name. */
  host(role: string): Promise<string>;
  /** Runs a node script inside a host; stopped with the lab. */
  spawn<Ready>(
    netns: string,
    script: string,
    args: readonly string[],
    options?: SpawnOptions,
  ): Promise<Spawned<Ready>>;
  /**
   * A file seen as /etc/<file> by processes started with `ip netns exec` in that host
   * (iproute2 bind-mounts /etc/netns/<netns>/<file> over it): the host's own /etc is untouched.
   */
  etcFile(netns: string, file: "resolv.conf" | "hosts", content: string): void;
  /** Undone by `close()` after the namespaces: what the lab made outside them (a CA file). */
  onClose(undo: () => Promise<void>): void;
  close(): Promise<void>;
}

const etcNetns = "/etc/netns";
const open = new Set<{ namespaces: string[]; pids: number[] }>();

export function createLab(): Lab {
  const id = nextLabId();
  const state = { namespaces: [] as string[], pids: [] as number[] };
  const children: Spawned<unknown>[] = [];
  const undos: (() => Promise<void>)[] = [];
  open.add(state);
  onExitSync(closeAllSync);
  let closing: Promise<void> | undefined;
  return {
    id,
    host: async (role) => {
      const name = namespaceName(id, role);
      state.namespaces.push(name);
      await addNamespace(name);
      return name;
    },
    spawn: async <Ready>(
      netns: string,
      script: string,
      args: readonly string[],
      options: SpawnOptions = {},
    ) => {
      const child = await spawnInNetns<Ready>(netns, script, args, options);
      children.push(child);
      state.pids.push(child.pid);
      return child;
    },
    etcFile: (netns, file, content) => {
      mkdirSync(join(etcNetns, netns), { recursive: true });
      writeFileSync(join(etcNetns, netns, file), content);
    },
    onClose: (undo) => {
      undos.push(undo);
    },
    close: () => {
      closing ??= (async () => {
        await Promise.all(children.map((child) => child.stop()));
        await Promise.all(state.namespaces.map((name) => deleteNamespace(name)));
        for (const name of state.namespaces) rmSync(join(etcNetns, name), { recursive: true, force: true });
        await Promise.all(undos.map((undo) => undo()));
        open.delete(state);
      })();
      return closing;
    },
  };
}

function closeAllSync(): void {
  for (const state of open) {
    for (const pid of state.pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    for (const name of state.namespaces) {
      try {
        execFileSync("ip", ["netns", "delete", name], { stdio: "ignore", timeout: 5_000 });
      } catch {
        // not created yet, or already deleted
      }
      rmSync(join(etcNetns, name), { recursive: true, force: true });
    }
  }
  open.clear();
}

/**
 * Builds a lab and hands back a RunningSetup; if building fails half-way, what was made is torn
 * down before the error propagates.
 */
export async function startLab(
  build: (lab: Lab) => Promise<Omit<RunningSetup, "close">>,
): Promise<RunningSetup> {
  const lab = createLab();
  try {
    return { ...(await build(lab)), close: () => lab.close() };
  } catch (error) {
    await lab.close();
    throw error;
  }
}
