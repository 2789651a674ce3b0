import { firewallSetup } from "./server-firewall.ts";

/**
 * The server host's firewall drops TCP to the port: the SYN vanishes, nothing comes back, and
 * the client retries its SYN until its own timeout gives up.
 */
export const firewallDrop = firewallSetup(
  "firewall-drop",
  "server 198.18.0.2 drops SYNs to the port in nftables: no answer, the client times out",
  () => "drop",
);
