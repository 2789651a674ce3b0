import { panelFirewall } from "../firewall.ts";
import { startLab } from "../netns/index.ts";
import type { Setup } from "../setup.ts";
import { serverFirewall } from "./server-firewall.ts";

/** Two firewalls on one server (firewall.ts, panelFirewall): the panel's table still drops. */
export const panelFirewallDrop: Setup = {
  name: "panel-firewall-drop",
  tier: "lab-root",
  describe: "server 198.18.0.2: table connlab_firewall accepts the port, table connlab_panel drops it",
  start: () => startLab((lab) => serverFirewall(lab, panelFirewall.broken)),
};

/** The fix: the port opened in both tables. */
export const panelFirewallOpen: Setup = {
  name: "panel-firewall-open",
  tier: "lab-root",
  describe: "server 198.18.0.2: both connlab_firewall and connlab_panel accept the port",
  start: () => startLab((lab) => serverFirewall(lab, panelFirewall.fixed)),
};
