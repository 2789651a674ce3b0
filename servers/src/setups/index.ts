import type { Setup } from "../setup.ts";
import { cdnBypass, cdnFront } from "./cdn.ts";
import { clientProxyDown } from "./client-proxy-down.ts";
import { dnsRightAnswer } from "./dns-right-answer.ts";
import { dnsAnswerFixed, dnsWrongAnswerSilent } from "./dns-silent.ts";
import { dnsWrongAnswer } from "./dns-wrong-answer.ts";
import { dnsWrongAnswerLan } from "./dns-wrong-answer-lan.ts";
import { fastifyWebsocketRoute } from "./fastify-websocket-route.ts";
import { firewallDrop } from "./firewall-drop.ts";
import { firewallOpen } from "./firewall-open.ts";
import { firewallReject } from "./firewall-reject.ts";
import { hostAbsent, hostPresent } from "./host-absent.ts";
import { httpOnlyOnWsPort } from "./http-only-on-ws-port.ts";
import { httpRoute } from "./http-route.ts";
import { listenAny } from "./listen-any.ts";
import { listenDualStack } from "./listen-dual-stack.ts";
import { listenIpv4Only } from "./listen-ipv4-only.ts";
import { listenLoopback } from "./listen-loopback.ts";
import { listenAnyLan, listenLoopbackLan } from "./loopback-only-lan.ts";
import { matchingScheme } from "./matching-scheme.ts";
import { noListener } from "./no-listener.ts";
import { noProxy } from "./no-proxy.ts";
import { panelFirewallDrop, panelFirewallOpen } from "./panel-firewall.ts";
import { tinyPortRange, widePortRange } from "./port-range.ts";
import { privateIpOtherNetwork, reachableIp } from "./private-ip.ts";
import { proxyForwardsUpgrade } from "./proxy-forwards-upgrade.ts";
import { proxyStripsUpgrade } from "./proxy-strips-upgrade.ts";
import { rawTcpOnWsPort } from "./raw-tcp-on-ws-port.ts";
import { rightHost } from "./right-host.ts";
import { rightPort } from "./right-port.ts";
import { edgeDrop, edgeOpen } from "./security-group.ts";
import { startServer } from "./start-server.ts";
import { timeWaitPressure, twReuseOn } from "./time-wait.ts";
import { tlsSchemeMismatch } from "./tls-scheme-mismatch.ts";
import { wrongHost } from "./wrong-host.ts";
import { rightHostLan, wrongHostLan } from "./wrong-host-lan.ts";
import { wrongPort } from "./wrong-port.ts";
import { wsOnlyServer } from "./ws-only-server.ts";
import { wsServer } from "./ws-server.ts";

/** Every setup, by the name scenarios give in `fault` and `fix.apply`. */
export const setups: ReadonlyMap<string, Setup> = new Map(
  [
    noListener,
    startServer,
    // Protocol mismatch: the wrong protocol on the port, and the fix for each.
    httpOnlyOnWsPort,
    fastifyWebsocketRoute,
    rawTcpOnWsPort,
    wsServer,
    wsOnlyServer,
    httpRoute,
    proxyStripsUpgrade,
    proxyForwardsUpgrade,
    tlsSchemeMismatch,
    matchingScheme,
    wrongPort,
    rightPort,
    wrongHost,
    rightHost,
    dnsWrongAnswer,
    dnsRightAnswer,
    clientProxyDown,
    noProxy,
    listenLoopback,
    listenAny,
    listenIpv4Only,
    listenDualStack,
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
