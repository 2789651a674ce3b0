import { firewallSetup } from "./server-firewall.ts";

/** The fix: the same firewall table, now accepting TCP to the port; the handshake completes. */
export const firewallOpen = firewallSetup(
  "firewall-open",
  "server 198.18.0.2's firewall accepts the port: the handshake completes",
  () => "accept",
);
