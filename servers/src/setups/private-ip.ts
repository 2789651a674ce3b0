import { oneRuleTable } from "../firewall.ts";
import { answerOrSilence, cable, type Lab, routedPair, serve, startLab } from "../netns/index.ts";
import type { Setup } from "../setup.ts";

/**
 * The server has a public address (198.18.2.2) and an internal one on its own LAN (10.20.0.2).
 * The client (198.18.1.1) reaches it through its provider's router, which has no route to
 * anyone's 10.0.0.0/8 and, like real providers, drops private destinations (RFC 1918 "bogons")
 * without a word: the client times out. With `isp: "unreachable"` the router answers ICMP
 * net-unreachable instead, and the client fails at once.
 */
async function build(lab: Lab, useInternal: boolean, params: Readonly<Record<string, unknown>>) {
  const { client, router: isp, server } = await routedPair(lab, "isp");
  // The server's internal NIC, on its own LAN with another machine of that site.
  const office = await lab.host("office");
  await cable(
    { netns: server, ifname: "lan0", cidr: "10.20.0.2/24" },
    { netns: office, ifname: "eth0", cidr: "10.20.0.1/24" },
  );
  await answerOrSilence(
    isp,
    params.isp === "unreachable",
    oneRuleTable(
      "connlab_bogons",
      "prerouting",
      "ip daddr { 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 } drop",
    ),
  );
  const port = await serve(lab, server, "web");
  const address = useInternal ? "10.20.0.2" : "198.18.2.2";
  return { target: { url: `http://${address}:${port}/`, netns: client } };
}

export const privateIpOtherNetwork: Setup = {
  name: "private-ip-other-network",
  tier: "lab-root",
  describe: "client targets the server's internal 10.20.0.2 from another network: the provider drops it",
  start: (params) => startLab((lab) => build(lab, true, params)),
};

/** The fix: target the address reachable from where the client is (the server's public one). */
export const reachableIp: Setup = {
  name: "reachable-ip",
  tier: "lab-root",
  describe: "client targets the server's public 198.18.2.2: the handshake completes",
  start: (params) => startLab((lab) => build(lab, false, params)),
};
