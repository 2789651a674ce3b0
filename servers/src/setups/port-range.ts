import { join } from "node:path";
import { smallPortRange } from "@connlab/scenarios";
import { type Lab, lan, serve, setSysctl, shIn, startLab, subnet } from "../netns/index.ts";
import type { Setup } from "../setup.ts";
import { fixedPort } from "./params.ts";

export const connectionsMain = join(import.meta.dirname, "..", "bin", "connections.ts");

export interface Load {
  readonly done: number;
  readonly error: string | null;
  /** The error's message as Node words it, e.g. `connect EADDRNOTAVAIL 198.18.0.2:47806 - Local (0.0.0.0:0)`. */
  readonly message: string;
}

/**
 * Client 198.18.0.1 and HTTP server 198.18.0.2 on a LAN, with the client's
 * net.ipv4.ip_local_port_range set (it is per namespace) and optional other client sysctls.
 */
export async function clientWithRange(
  lab: Lab,
  range: string,
  sysctls: Readonly<Record<string, string>> = {},
  params: Readonly<Record<string, unknown>> = {},
) {
  const hosts = await lan(lab, [
    { role: "client", host: 1 },
    { role: "server", host: 2 },
  ]);
  const client = hosts.client ?? "";
  await setSysctl(client, "net.ipv4.ip_local_port_range", range);
  for (const [key, value] of Object.entries(sysctls)) await setSysctl(client, key, value);
  const port = await serve(lab, hosts.server ?? "", "web", fixedPort(params));
  return { client, port, hosts, target: { url: `http://${subnet}.2:${port}/`, netns: client } };
}

/** Runs bin/connections.ts in the client namespace; held connections live until the lab closes. */
export async function load(lab: Lab, client: string, port: number, mode: "hold" | "churn", max: number) {
  const args = ["--host", `${subnet}.2`, "--port", String(port), "--mode", mode, "--max", String(max)];
  return (await lab.spawn<Load>(client, connectionsMain, args)).ready;
}

/**
 * Short connections from `netns`, `max` per wave, client closing first, run to their end: the
 * workshop's burst, the same loop as the scenarios' churn. Ends at the first error.
 */
export async function churn(
  netns: string,
  url: string,
  options: { readonly max: number; readonly waves: number; readonly pauseMs: number },
): Promise<Load> {
  const { hostname, port } = new URL(url);
  const args = ["--host", hostname, "--port", port, "--mode", "churn", "--max", String(options.max)];
  args.push("--waves", String(options.waves), "--pause-ms", String(options.pauseMs));
  // stdin ends at once: the loader exits as soon as it has printed.
  return JSON.parse(await shIn(netns, process.execPath, [connectionsMain, ...args], { input: "" })) as Load;
}

/** The `size` param: how many ports the client's range holds (default 8). */
export function size(params: Readonly<Record<string, unknown>>): number {
  const value = Number(params.size ?? 8);
  if (!Number.isInteger(value) || value < 2 || value > 1_000) throw new Error("size must be 2…1000 ports");
  return value;
}

/**
 * The client's range holds `size` ports (portRangeStart…+size-1). Another process on the client
 * holds connections to the server until connect() fails: that happens at exactly `size`, with
 * EADDRNOTAVAIL, since each connection to the same server ip:port needs its own local port.
 * The clients then find no port left either.
 */
export const tinyPortRange: Setup = {
  name: "tiny-port-range",
  tier: "lab-root",
  describe: "client's ip_local_port_range holds SIZE ports, all held by open connections: EADDRNOTAVAIL",
  start: (params) =>
    startLab(async (lab) => {
      const ports = size(params);
      const { client, port, target } = await clientWithRange(lab, smallPortRange(ports));
      const held = await load(lab, client, port, "hold", ports * 2);
      return { target, facts: { rangeSize: ports, held: held.done, heldError: held.error } };
    }),
};

/** The fix: a wide range (10000 65535); the same process now holds twice as many and more connect. */
export const widePortRange: Setup = {
  name: "wide-port-range",
  tier: "lab-root",
  describe: "client's ip_local_port_range is 10000 65535: the same load leaves ports free",
  start: (params) =>
    startLab(async (lab) => {
      const ports = size(params);
      const { client, port, target } = await clientWithRange(lab, "10000 65535");
      const held = await load(lab, client, port, "hold", ports * 2);
      return { target, facts: { rangeSize: 55_536, held: held.done, heldError: held.error } };
    }),
};
