import { firewallSetup } from "./server-firewall.ts";

/**
 * The contrast to firewall-drop: the firewall rejects instead, answering the SYN with a TCP RST
 * (`with: "tcp reset"`, default) or an ICMP port-unreachable (`with: "icmp"`); either way the
 * client learns at once and reports ECONNREFUSED, like a closed port.
 */
export const firewallReject = firewallSetup(
  "firewall-reject",
  "server 198.18.0.2 rejects SYNs to the port (RST or ICMP port unreachable): refused at once",
  (params) => (params.with === "icmp" ? "reject" : "reject with tcp reset"),
);
