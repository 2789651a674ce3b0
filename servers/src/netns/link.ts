import { sh } from "./exec.ts";

/** One end of a cable: the namespace, the interface name inside it, and its address/prefix. */
export interface End {
  readonly netns: string;
  readonly ifname: string;
  /** e.g. "198.18.0.2/24"; omitted for an end that gets no address. */
  readonly cidr?: string;
  /** The link's MTU at this end, when it is not Ethernet's 1500 (a tunnel, a PPPoE line). */
  readonly mtu?: number;
}

/**
 * A veth pair created directly inside both namespaces (it never appears in the host's), with
 * addresses and both ends up: a cable between two lab hosts.
 */
export async function cable(a: End, b: End): Promise<void> {
  await sh("ip", [
    "link",
    "add",
    a.ifname,
    "netns",
    a.netns,
    "type",
    "veth",
    "peer",
    "name",
    b.ifname,
    "netns",
    b.netns,
  ]);
  for (const end of [a, b]) {
    if (end.cidr) await sh("ip", ["-n", end.netns, "addr", "add", end.cidr, "dev", end.ifname]);
    if (end.mtu) await sh("ip", ["-n", end.netns, "link", "set", end.ifname, "mtu", String(end.mtu)]);
    await sh("ip", ["-n", end.netns, "link", "set", end.ifname, "up"]);
  }
}

/** `ip route add DEST via GATEWAY` inside a namespace; DEST is a prefix or `default`. */
export async function addRoute(netns: string, destination: string, gateway: string): Promise<void> {
  await sh("ip", ["-n", netns, "route", "add", destination, "via", gateway]);
}
