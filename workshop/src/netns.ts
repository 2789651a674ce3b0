/**
 * A minimal network-namespace helper for the workshop's root exercises.
 * TODO(after merge): replace with the root lab toolkit in servers/src/netns/ (branch rootlab).
 *
 * Two namespaces joined by a veth pair, named connlab-wk<pid>-cli and connlab-wk<pid>-srv after
 * the daemon that owns them. Everything lives inside them: the host's own interfaces, routes,
 * nftables and sysctls are never touched.
 */
import { runCommand } from "./clients.ts";
import { isAlive } from "./state.ts";

export const namespacePrefix = "connlab-wk";
/** A /30 that exists only inside the pair of namespaces, never on the host. */
export const clientAddress = "10.213.0.1";
export const serverAddress = "10.213.0.2";

export interface NamespacePair {
  readonly client: string;
  readonly server: string;
}

async function ip(args: readonly string[]): Promise<void> {
  const result = await runCommand("ip", args);
  if (result.code !== 0) throw new Error(`ip ${args.join(" ")}: ${result.stderr.trim()}`);
}

/** Runs a command inside a namespace (`ip netns exec`), bounded, never rejects. */
export function inNamespace(
  namespace: string,
  file: string,
  args: readonly string[],
  options: { timeoutMs?: number; input?: string } = {},
) {
  return runCommand("ip", ["netns", "exec", namespace, file, ...args], options);
}

export async function createPair(ownerPid: number): Promise<NamespacePair> {
  const pair = { client: `${namespacePrefix}${ownerPid}-cli`, server: `${namespacePrefix}${ownerPid}-srv` };
  await ip(["netns", "add", pair.client]);
  await ip(["netns", "add", pair.server]);
  // Created inside the client namespace with its peer moved straight into the server's: the
  // pair never appears on the host, so its names cannot collide with anyone's.
  await ip([
    "-n",
    pair.client,
    "link",
    "add",
    "veth0",
    "type",
    "veth",
    "peer",
    "name",
    "veth0",
    "netns",
    pair.server,
  ]);
  for (const [namespace, address] of [
    [pair.client, clientAddress],
    [pair.server, serverAddress],
  ] as const) {
    await ip(["-n", namespace, "addr", "add", `${address}/30`, "dev", "veth0"]);
    await ip(["-n", namespace, "link", "set", "veth0", "up"]);
    await ip(["-n", namespace, "link", "set", "lo", "up"]);
  }
  return pair;
}

export async function deleteNamespace(name: string): Promise<void> {
  await runCommand("ip", ["netns", "delete", name]);
}

/** Namespaces of workshop runs whose owning daemon is gone (killed, machine crashed…). */
export async function deadNamespaces(): Promise<string[]> {
  const { stdout } = await runCommand("ip", ["netns", "list"]);
  const pattern = new RegExp(`^${namespacePrefix}(\\d+)-\\S+`);
  return stdout
    .split("\n")
    .map((line) => pattern.exec(line.trim()))
    .filter((match) => match?.[1] !== undefined && !isAlive(Number(match[1])))
    .map((match) => match?.[0] ?? "");
}

export async function cleanupDeadNamespaces(): Promise<void> {
  for (const name of await deadNamespaces()) await deleteNamespace(name);
}
