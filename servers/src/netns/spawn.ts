import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** A node process running inside a namespace, and the JSON line it printed once ready. */
export interface Spawned<Ready> {
  readonly pid: number;
  readonly ready: Ready;
  /** Ends it (stdin closed, then SIGTERM, then SIGKILL) and waits for it; idempotent. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Set this process's file-descriptor limit (soft and hard) with prlimit: raised or lowered. */
  readonly nofile?: number;
  /** How long it may take to print its first line; default 30 s (a busy machine starts node slowly). */
  readonly readyTimeoutMs?: number;
}

/**
 * Starts `node script args…` inside `netns` (ip netns exec execs node itself, so the pid is
 * node's), or in this process's own namespace when `netns` is undefined (a docker client
 * container), and waits for its first stdout line, a JSON object. The child keeps stdin open
 * and exits when it closes, so it cannot outlive this process even after a SIGKILL.
 */
export async function spawnInNetns<Ready>(
  netns: string | undefined,
  script: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<Spawned<Ready>> {
  const limit = options.nofile ? ["prlimit", `--nofile=${options.nofile}:${options.nofile}`] : [];
  const [file = "", ...argv] = [
    ...(netns === undefined ? [] : ["ip", "netns", "exec", netns]),
    ...limit,
    process.execPath,
    script,
    ...args,
  ];
  const child = spawn(file, argv, { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = once(() => stopChild(child, exited));
  try {
    const ready = await firstLine(child, options.readyTimeoutMs ?? 30_000, () => stderr.trim());
    return { pid: child.pid ?? -1, ready: JSON.parse(ready) as Ready, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function firstLine(child: ChildProcess, timeoutMs: number, why: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timer = setTimeout(
      () => reject(new Error(`no ready line within ${timeoutMs} ms: ${why()}`)),
      timeoutMs,
    );
    lines.once("line", (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready: ${why()}`));
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 2_000);
  await exited;
  clearTimeout(timer);
}

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= action();
    return done;
  };
}
