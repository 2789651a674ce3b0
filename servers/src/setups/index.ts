import type { Setup } from "../setup.ts";
import { firewallDrop } from "./firewall-drop.ts";
import { firewallOpen } from "./firewall-open.ts";
import { firewallReject } from "./firewall-reject.ts";
import { noListener } from "./no-listener.ts";
import { panelFirewallDrop, panelFirewallOpen } from "./panel-firewall.ts";
import { startServer } from "./start-server.ts";

/** Every setup, by the name scenarios give in `fault` and `fix.apply`. */
export const setups: ReadonlyMap<string, Setup> = new Map(
  [
    noListener,
    startServer,
    firewallDrop,
    firewallReject,
    firewallOpen,
    panelFirewallDrop,
    panelFirewallOpen,
  ].map((setup) => [setup.name, setup]),
);
