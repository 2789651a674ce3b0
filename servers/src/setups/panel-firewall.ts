import { startLab } from "../netns/index.ts";
import type { Setup } from "../setup.ts";
import { serverFirewall } from "./server-firewall.ts";

/**
 * Two firewalls on one server, like an OS firewall plus a hosting panel's own (Baota/aaPanel):
 * two nftables tables, each with its own input hook. A packet must be accepted by every table;
 * one `drop` anywhere is final, so opening the port in the OS firewall alone is not enough.
 */
export const panelFirewallDrop: Setup = {
  name: "panel-firewall-drop",
  tier: "lab-root",
  describe: "server 198.18.0.2: table connlab_firewall accepts the port, table connlab_panel drops it",
  start: () =>
    startLab((lab) =>
      serverFirewall(lab, [
        { name: "connlab_firewall", verdict: "accept" },
        { name: "connlab_panel", verdict: "drop" },
      ]),
    ),
};

/** The fix: the port opened in both tables. */
export const panelFirewallOpen: Setup = {
  name: "panel-firewall-open",
  tier: "lab-root",
  describe: "server 198.18.0.2: both connlab_firewall and connlab_panel accept the port",
  start: () =>
    startLab((lab) =>
      serverFirewall(lab, [
        { name: "connlab_firewall", verdict: "accept" },
        { name: "connlab_panel", verdict: "accept" },
      ]),
    ),
};
