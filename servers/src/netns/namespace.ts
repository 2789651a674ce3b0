import { sh, shIn } from "./exec.ts";

/** A new, empty network namespace with its loopback up (a fresh one has lo down). */
export async function addNamespace(name: string): Promise<void> {
  await sh("ip", ["netns", "add", name]);
  await sh("ip", ["-n", name, "link", "set", "lo", "up"]);
}

/**
 * Kills what still runs inside, then deletes the namespace; its veths, routes, nftables tables
 * and sysctls go with it. Never throws: cleanup must go on with the next resource.
 */
export async function deleteNamespace(name: string): Promise<void> {
  const pids = await sh("ip", ["netns", "pids", name]).catch(() => "");
  for (const pid of pids.split(/\s+/).filter(Boolean)) {
    try {
      process.kill(Number(pid), "SIGKILL");
    } catch {
      // already gone
    }
  }
  await sh("ip", ["netns", "delete", name]).catch(() => undefined);
}

export async function listNamespaces(): Promise<string[]> {
  const out = await sh("ip", ["netns", "list"]);
  return out
    .split("\n")
    .map((line) => line.split(" ")[0] ?? "")
    .filter(Boolean);
}

/** `sysctl -w` inside the namespace: ip_local_port_range, tcp_tw_reuse, ip_forward are per namespace. */
export async function setSysctl(netns: string, key: string, value: string): Promise<void> {
  await shIn(netns, "sysctl", ["-qw", `${key}=${value}`]);
}

export async function getSysctl(netns: string, key: string): Promise<string> {
  return (await shIn(netns, "sysctl", ["-n", key])).trim().replace(/\s+/g, " ");
}
