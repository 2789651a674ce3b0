import { type FirewallTable, firewallRuleset, firewallTable, type Verdict } from "../firewall.ts";
import { applyRuleset, type Lab, lan, serve, startLab, subnet } from "../netns/index.ts";
import type { Setup } from "../setup.ts";
import { fixedPort } from "./params.ts";

/**
 * Client 198.18.0.1 and server 198.18.0.2 on one LAN; the server runs the HTTP app and its own
 * nftables table `connlab_firewall` gives TCP to the app's port `verdict`. Shared by the
 * firewall-* setups.
 */
export async function serverFirewall(
  lab: Lab,
  tables: readonly FirewallTable[],
  params: Readonly<Record<string, unknown>> = {},
) {
  const hosts = await lan(lab, [
    { role: "client", host: 1 },
    { role: "server", host: 2 },
  ]);
  const server = hosts.server ?? "";
  const port = await serve(lab, server, "web", fixedPort(params));
  await applyRuleset(server, firewallRuleset(tables, port));
  return { target: { url: `http://${subnet}.2:${port}/`, netns: hosts.client ?? "" }, hosts };
}

export function firewallSetup(
  name: string,
  describe: string,
  verdict: (params: Readonly<Record<string, unknown>>) => Verdict,
): Setup {
  return {
    name,
    tier: "lab-root",
    describe,
    start: (params) => startLab((lab) => serverFirewall(lab, firewallTable(verdict(params)), params)),
  };
}
