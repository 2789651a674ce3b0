import type { Setup } from "../setup.ts";
import { cdnBypass, cdnFront } from "./cdn.ts";
import { dnsAnswerFixed, dnsWrongAnswerSilent } from "./dns-silent.ts";
import { dnsWrongAnswerLan } from "./dns-wrong-answer-lan.ts";
import { firewallDrop } from "./firewall-drop.ts";
import { firewallOpen } from "./firewall-open.ts";
import { firewallReject } from "./firewall-reject.ts";
import { hostAbsent, hostPresent } from "./host-absent.ts";
import { listenAnyLan, listenLoopbackLan } from "./loopback-only-lan.ts";
import { noListener } from "./no-listener.ts";
import { panelFirewallDrop, panelFirewallOpen } from "./panel-firewall.ts";
import { tinyPortRange, widePortRange } from "./port-range.ts";
import { privateIpOtherNetwork, reachableIp } from "./private-ip.ts";
import { edgeDrop, edgeOpen } from "./security-group.ts";
import { startServer } from "./start-server.ts";
import { timeWaitPressure, twReuseOn } from "./time-wait.ts";
import { rightHostLan, wrongHostLan } from "./wrong-host-lan.ts";

/** Every setup, by the name scenarios give in `fault` and `fix.apply`. */
export const setups: ReadonlyMap<string, Setup> = new Map(
  [
    noListener,
    startServer,
    // Root lab: network namespaces, nftables, per-namespace sysctls.
    firewallDrop,
    firewallReject,
    firewallOpen,
    edgeDrop,
    edgeOpen,
    panelFirewallDrop,
    panelFirewallOpen,
    hostAbsent,
    hostPresent,
    dnsWrongAnswerSilent,
    dnsAnswerFixed,
    privateIpOtherNetwork,
    reachableIp,
    cdnFront,
    cdnBypass,
    tinyPortRange,
    widePortRange,
    timeWaitPressure,
    twReuseOn,
    // Root variants of rootless scenarios, with real LAN addresses (tests/lab-root/scenarios).
    wrongHostLan,
    rightHostLan,
    listenLoopbackLan,
    listenAnyLan,
    dnsWrongAnswerLan,
  ].map((setup) => [setup.name, setup]),
);
