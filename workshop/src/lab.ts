import { setups } from "@connlab/servers";
import type { Port, Served } from "./exercise.ts";
import type { RunState } from "./state.ts";

/**
 * A root exercise is a servers setup on the exercise's fixed port, in the same Lab as the
 * scenarios (namespaces `connlab-<daemon pid>-<n>-<role>`, swept by removeLeftovers() once the
 * daemon is dead). The daemon keeps it running until `stop`.
 */
export async function serveSetup(
  name: string,
  params: Readonly<Record<string, unknown>> & { readonly port: number },
): Promise<Served> {
  const setup = setups.get(name);
  if (!setup) throw new Error(`no setup "${name}"`);
  const running = await setup.start(params);
  const url = new URL(running.target.url);
  return {
    listening: { protocol: url.protocol.replace(":", ""), host: url.hostname, port: params.port },
    namespaces: Object.values(running.hosts ?? {}),
    close: () => running.close(),
  };
}

/** The namespace of one of the setup's hosts (client, server) in a running exercise. */
export function hostOf(state: RunState, role: "client" | "server"): string {
  return state.namespaces.find((name) => name.endsWith(`-${role}`)) ?? "";
}

/** The client/server LAN the root exercises' setups build (servers' `lan`). */
export const lanAddress = { client: "198.18.0.1", server: "198.18.0.2" } as const;

/** The one port a root exercise's setup serves on the LAN, at the exercise's offset. */
export function serverOnLan(offset: number): Port {
  return { offset, use: `the HTTP server at ${lanAddress.server} inside the server namespace` };
}

/** A root exercise's first hint: which namespace is the client and which the server. */
export function namespacesHint(state: RunState): string {
  const client = `client namespace ${hostOf(state, "client")} (${lanAddress.client})`;
  return `${client}, server namespace ${hostOf(state, "server")} (${lanAddress.server})`;
}
