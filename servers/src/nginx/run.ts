import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, chmodSync, constants, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Socket } from "node:net";
import { join } from "node:path";
import { ConnlabError } from "@connlab/scenarios";
import type { Listening } from "../apps/http.ts";
import { onExitSync } from "../exit-cleanup.ts";
import { freePort } from "../free-port.ts";
import { isAlive } from "../process-alive.ts";
import { runDir } from "../run-dirs.ts";
import { nginxConf, type UpstreamGroup, type WebSocketLocation } from "./conf.ts";
import { nginxDirPrefix } from "./leftovers.ts";

/** Debian's nginx (scripts/install-system.sh), or the binary CONNLAB_NGINX names. */
export const nginxPath = process.env.CONNLAB_NGINX ?? "/usr/sbin/nginx";

/** Whether nginxPath is there to run (the lab tier's check). */
export function nginxInstalled(): boolean {
  try {
    accessSync(nginxPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** nginx starts in milliseconds; a loaded 2-core machine gets this long before the run fails. */
const startMs = 10_000;
/** SIGTERM is nginx's fast shutdown (it drops open connections); past this, SIGKILL. */
const stopMs = 5_000;

/**
 * Every nginx this process started, with its folder: stopped and removed on Ctrl-C, SIGTERM or
 * exit as well as by close(). SIGTERM is enough: the master stops its workers before it exits.
 */
const started = new Map<ChildProcess, string>();
let exitHookInstalled = false;

/** Blocks this thread for `ms`: the process is exiting, and nothing else may run meanwhile. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function stopAllSync(): void {
  for (const child of started.keys()) child.kill("SIGTERM");
  // nginx recreates its temp folders on the way out: remove the run's folder once it is gone.
  for (let waited = 0; waited < stopMs && [...started.keys()].some(running); waited += 20) sleepSync(20);
  for (const [child, dir] of started) {
    if (running(child)) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
  started.clear();
}

/** Still running: neither reaped nor a zombie (this thread may be too busy exiting to reap it). */
function running(child: ChildProcess): boolean {
  return (
    child.exitCode === null && child.signalCode === null && child.pid !== undefined && isAlive(child.pid)
  );
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.connect(port, host);
  });
}

function lastLines(file: string): string {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-3).join(" | ");
  } catch {
    return "";
  }
}

/**
 * Starts Debian's nginx in front of a WebSocket server: its own config (nginx/conf.ts), prefix,
 * pid file and logs in a temp folder named after this process (so a later run can sweep it if
 * this one dies, nginx/leftovers.ts), listening on `host` only. Never the system's service or
 * its port 80. Resolves once nginx accepts connections; close() stops it and removes the folder.
 */
export async function startNginx(options: {
  host: string;
  location: WebSocketLocation;
  /** A group of servers behind `location.upstream`'s name (a load balancer). */
  upstream?: UpstreamGroup;
}): Promise<Listening & { readonly errorLog: string }> {
  if (!nginxInstalled()) {
    throw new ConnlabError(
      "not-reproducible",
      `this scenario needs nginx at ${nginxPath}: apt-get install nginx (scripts/install-system.sh)`,
    );
  }
  const dir = await runDir(nginxDirPrefix);
  // As root, nginx's worker runs as nobody: it must be able to enter the folder.
  chmodSync(dir, 0o755);
  const port = await freePort(options.host);
  const conf = join(dir, "nginx.conf");
  const errorLog = join(dir, "error.log");
  writeFileSync(
    conf,
    nginxConf({
      dir,
      listen: `${options.host}:${port}`,
      location: options.location,
      ...(options.upstream ? { upstream: options.upstream } : {}),
    }),
  );
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    onExitSync(stopAllSync);
  }
  // -e: the log nginx writes before it reads the config (else /var/log/nginx, root's).
  const child = spawn(nginxPath, ["-p", `${dir}/`, "-c", conf, "-e", errorLog], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  started.set(child, dir);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    started.delete(child);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), stopMs);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + startMs;
  while (!(await accepts(options.host, port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const why = (stderr.trim() || lastLines(errorLog) || `exit ${child.exitCode}`).split("\n")[0];
      await close();
      throw new ConnlabError("failed", `nginx did not start on ${options.host}:${port}: ${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { host: options.host, port, errorLog, close };
}
