import { spawn } from "node:child_process";
import type { Served } from "./exercise.ts";
import { createPair, deleteNamespace, type NamespacePair, serverAddress } from "./netns.ts";
import { scriptPath } from "./paths.ts";

/**
 * The root exercises' shape: a namespace pair owned by this daemon, a broken setting applied by
 * `prepare`, and a healthy server process inside the server namespace at 10.213.0.2:port.
 */
export async function serveInNamespaces(options: {
  protocol: "http" | "net";
  port: number;
  prepare(pair: NamespacePair): Promise<void>;
}): Promise<Served> {
  const pair = await createPair(process.pid);
  const namespaces = [pair.client, pair.server];
  const removeAll = async () => {
    for (const name of namespaces) await deleteNamespace(name);
  };
  try {
    await options.prepare(pair);
    const child = spawn(
      "ip",
      [
        "netns",
        "exec",
        pair.server,
        process.execPath,
        scriptPath("serve-child.ts"),
        options.protocol,
        serverAddress,
        String(options.port),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the server did not start within 10 s")), 10_000);
      child.stdout.once("data", () => {
        clearTimeout(timer);
        resolve();
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with code ${code}`));
      });
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    return {
      listening: { protocol: options.protocol, host: serverAddress, port: options.port },
      namespaces,
      ...(child.pid ? { childPid: child.pid } : {}),
      close: async () => {
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        child.kill("SIGKILL");
        await removeAll();
      },
    };
  } catch (error) {
    await removeAll();
    throw error;
  }
}
