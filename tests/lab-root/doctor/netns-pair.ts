import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Two network namespaces joined by a veth pair: a client (10.201.0.1) and a server (10.201.0.2).
 * Traffic never leaves them. Names carry this process's pid so parallel runs never collide and
 * `close()` removes only what this run made (deleting a namespace deletes its veth end too).
 */
export interface NetnsPair {
  readonly client: string;
  readonly server: string;
  readonly serverAddress: string;
  /** Runs a command inside a namespace, execFile-style (no shell). */
  exec(ns: string, file: string, args: readonly string[], timeoutMs?: number): Promise<string>;
  /** Starts a long-lived process inside a namespace; it is killed by pid in close(). */
  spawnIn(ns: string, file: string, args: readonly string[]): Promise<ChildProcess>;
  close(): Promise<void>;
}

/**
 * `hosts` becomes the client namespace's /etc/hosts: `ip netns exec` bind-mounts
 * /etc/netns/<name>/hosts over it for that namespace only; the host's own file is never touched.
 */
export async function createNetnsPair(tag: string, options: { hosts?: string } = {}): Promise<NetnsPair> {
  const client = `connlab-dr${process.pid}-${tag}c`;
  const server = `connlab-dr${process.pid}-${tag}s`;
  // Interface names stop at 15 characters: the pid in base 36 keeps them unique and short.
  const veth = `connlab-${process.pid.toString(36)}${tag}`;
  const children: ChildProcess[] = [];
  const pair: NetnsPair = {
    client,
    server,
    serverAddress: "10.201.0.2",
    exec: async (ns, file, args, timeoutMs = 10_000) =>
      (await run("ip", ["netns", "exec", ns, file, ...args], { timeout: timeoutMs })).stdout,
    spawnIn: async (ns, file, args) => {
      const child = spawn("ip", ["netns", "exec", ns, file, ...args], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      children.push(child);
      // Each helper prints "ready" once its sockets are up.
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${file} in ${ns} did not get ready`)), 10_000);
        child.stdout?.on("data", (chunk: Buffer) => {
          if (chunk.toString().includes("ready")) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once("exit", (code) => reject(new Error(`${file} in ${ns} exited with ${code}`)));
      });
      return child;
    },
    close: async () => {
      for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
      await Promise.all(
        [client, server].map((ns) => run("ip", ["netns", "delete", ns]).catch(() => undefined)),
      );
      if (options.hosts !== undefined) await rm(`/etc/netns/${client}`, { recursive: true, force: true });
    },
  };
  try {
    if (options.hosts !== undefined) {
      await mkdir(`/etc/netns/${client}`, { recursive: true });
      await writeFile(`/etc/netns/${client}/hosts`, options.hosts);
    }
    await run("ip", ["netns", "add", client]);
    await run("ip", ["netns", "add", server]);
    await run("ip", ["link", "add", `${veth}c`, "type", "veth", "peer", "name", `${veth}s`]);
    await run("ip", ["link", "set", `${veth}c`, "netns", client]);
    await run("ip", ["link", "set", `${veth}s`, "netns", server]);
    for (const [ns, dev, address] of [
      [client, `${veth}c`, "10.201.0.1/24"],
      [server, `${veth}s`, "10.201.0.2/24"],
    ] as const) {
      await run("ip", ["-n", ns, "addr", "add", address, "dev", dev]);
      await run("ip", ["-n", ns, "link", "set", dev, "up"]);
      await run("ip", ["-n", ns, "link", "set", "lo", "up"]);
    }
  } catch (error) {
    await pair.close();
    await run("ip", ["link", "delete", `${veth}c`]).catch(() => undefined);
    throw error;
  }
  return pair;
}
