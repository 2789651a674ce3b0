import type { LabSetupName } from "@connlab/scenarios";
import type { Setup } from "../setup.ts";
import { cdnBypass, cdnFront } from "./cdn.ts";
import { clientProxyDown } from "./client-proxy-down.ts";
import { dnsRightAnswer } from "./dns-right-answer.ts";
import { dnsAnswerFixed, dnsWrongAnswerSilent } from "./dns-silent.ts";
import { dnsWrongAnswer } from "./dns-wrong-answer.ts";
import { dnsWrongAnswerLan } from "./dns-wrong-answer-lan.ts";
import { portNotPublished, portPublished, publishedLoopback } from "./docker-port.ts";
import { fastifyWebsocketRoute } from "./fastify-websocket-route.ts";
import { firewallDrop } from "./firewall-drop.ts";
import { firewallOpen } from "./firewall-open.ts";
import { firewallReject } from "./firewall-reject.ts";
import { hostAbsent, hostAbsentRouted, hostPresent, hostPresentRouted } from "./host-absent.ts";
import { httpOnlyOnWsPort } from "./http-only-on-ws-port.ts";
import { httpRoute } from "./http-route.ts";
import { completeChain, incompleteChain } from "./incomplete-chain.ts";
import { listenAny } from "./listen-any.ts";
import { listenDualStack } from "./listen-dual-stack.ts";
import { listenIpv4Only } from "./listen-ipv4-only.ts";
import { listenLoopback } from "./listen-loopback.ts";
import { localhostInContainer, serviceByName } from "./localhost-in-container.ts";
import { listenAnyLan, listenLoopbackLan } from "./loopback-only-lan.ts";
import { matchingScheme } from "./matching-scheme.ts";
import { mixedContentWs, mixedContentWss } from "./mixed-content.ts";
import { noListener } from "./no-listener.ts";
import { noProxy } from "./no-proxy.ts";
import { originAllowed, originNotAllowed } from "./origin-check.ts";
import { fdsExhausted, fdsToSpare } from "./out-of-fds.ts";
import { panelFirewallDrop, panelFirewallOpen } from "./panel-firewall.ts";
import { mssClamped, pathMtuBlackHole } from "./path-mtu.ts";
import { tinyPortRange, widePortRange } from "./port-range.ts";
import { privateIpOtherNetwork, reachableIp } from "./private-ip.ts";
import { proxyForwardsUpgrade } from "./proxy-forwards-upgrade.ts";
import { proxyIdlePinged, proxyIdleTimeout } from "./proxy-idle-timeout.ts";
import { proxyStripsUpgrade } from "./proxy-strips-upgrade.ts";
import { rawTcpOnWsPort } from "./raw-tcp-on-ws-port.ts";
import { rightHost } from "./right-host.ts";
import { rightPort } from "./right-port.ts";
import { edgeDrop, edgeOpen } from "./security-group.ts";
import { socketioNoSticky, socketioSticky } from "./socketio-no-sticky.ts";
import { acceptingServer, stalledServer } from "./stalled-server.ts";
import { startServer } from "./start-server.ts";
import { subprotocolSelected, subprotocolUnanswered } from "./subprotocol.ts";
import { timeWaitPressure, twReuseOn } from "./time-wait.ts";
import { tlsSchemeMismatch } from "./tls-scheme-mismatch.ts";
import { trustedCertificate, untrustedCertificate } from "./untrusted-certificate.ts";
import { wrongHost } from "./wrong-host.ts";
import { rightHostLan, wrongHostLan } from "./wrong-host-lan.ts";
import { wrongPort } from "./wrong-port.ts";
import { wsOnlyServer } from "./ws-only-server.ts";
import { wsServer } from "./ws-server.ts";

/**
 * Every setup, by the name scenarios give in `fault` and `fix.apply`. Keyed so that the compiler
 * names a scenario's setup that is missing here (LabSetupName: every fault and fix of a scenario
 * the lab reproduces); the root variants the tests also use are extra keys.
 */
const registry = {
  "no-listener": noListener,
  "start-server": startServer,
  // Protocol mismatch: the wrong protocol on the port, and the fix for each.
  "http-only-on-ws-port": httpOnlyOnWsPort,
  "fastify-websocket-route": fastifyWebsocketRoute,
  "raw-tcp-on-ws-port": rawTcpOnWsPort,
  "ws-server": wsServer,
  "ws-only-server": wsOnlyServer,
  "http-route": httpRoute,
  "proxy-strips-upgrade": proxyStripsUpgrade,
  "proxy-forwards-upgrade": proxyForwardsUpgrade,
  "tls-scheme-mismatch": tlsSchemeMismatch,
  "matching-scheme": matchingScheme,
  // Certificates: a CA the client does not trust, a chain without its intermediate.
  "untrusted-certificate": untrustedCertificate,
  "trusted-certificate": trustedCertificate,
  "incomplete-chain": incompleteChain,
  "complete-chain": completeChain,
  "wrong-port": wrongPort,
  "right-port": rightPort,
  "wrong-host": wrongHost,
  "right-host": rightHost,
  "dns-wrong-answer": dnsWrongAnswer,
  "dns-right-answer": dnsRightAnswer,
  "client-proxy-down": clientProxyDown,
  "no-proxy": noProxy,
  "listen-loopback": listenLoopback,
  "listen-any": listenAny,
  "listen-ipv4-only": listenIpv4Only,
  "listen-dual-stack": listenDualStack,
  // Refused by policy: TCP connects, then the server (Origin, subprotocol) or the browser refuses.
  "origin-not-allowed": originNotAllowed,
  "origin-allowed": originAllowed,
  "subprotocol-unanswered": subprotocolUnanswered,
  "subprotocol-selected": subprotocolSelected,
  "mixed-content-ws": mixedContentWs,
  "mixed-content-wss": mixedContentWss,
  // Closed after connect: the WebSocket opened, then a proxy on the path closes it.
  "proxy-idle-timeout": proxyIdleTimeout,
  "proxy-idle-pinged": proxyIdlePinged,
  // A load balancer that spreads one Socket.IO session's requests over two servers.
  "socketio-no-sticky": socketioNoSticky,
  "socketio-sticky": socketioSticky,
  // A server with no file descriptor left: it accepts each connection and closes it at once.
  "fds-exhausted": fdsExhausted,
  "fds-to-spare": fdsToSpare,
  // Root lab: network namespaces, nftables, per-namespace sysctls.
  "firewall-drop": firewallDrop,
  "firewall-reject": firewallReject,
  "firewall-open": firewallOpen,
  "edge-drop": edgeDrop,
  "edge-open": edgeOpen,
  "panel-firewall-drop": panelFirewallDrop,
  "panel-firewall-open": panelFirewallOpen,
  "host-absent": hostAbsent,
  "host-present": hostPresent,
  "host-absent-routed": hostAbsentRouted,
  "host-present-routed": hostPresentRouted,
  "dns-wrong-answer-silent": dnsWrongAnswerSilent,
  "dns-answer-fixed": dnsAnswerFixed,
  "stalled-server": stalledServer,
  "accepting-server": acceptingServer,
  "path-mtu-black-hole": pathMtuBlackHole,
  "mss-clamped": mssClamped,
  "private-ip-other-network": privateIpOtherNetwork,
  "reachable-ip": reachableIp,
  "localhost-in-container": localhostInContainer,
  "service-by-name": serviceByName,
  "cdn-front": cdnFront,
  "cdn-bypass": cdnBypass,
  "tiny-port-range": tinyPortRange,
  "wide-port-range": widePortRange,
  "time-wait-pressure": timeWaitPressure,
  "tw-reuse-on": twReuseOn,
  // Docker: the stack's image, its port published or not, seen from this host.
  "port-not-published": portNotPublished,
  "port-published": portPublished,
  "published-loopback": publishedLoopback,
  // Root variants of rootless scenarios, with real LAN addresses (tests/lab-root/scenarios).
  "wrong-host-lan": wrongHostLan,
  "right-host-lan": rightHostLan,
  "listen-loopback-lan": listenLoopbackLan,
  "listen-any-lan": listenAnyLan,
  "dns-wrong-answer-lan": dnsWrongAnswerLan,
} satisfies Record<LabSetupName, Setup> & Record<string, Setup>;

for (const [name, setup] of Object.entries(registry)) {
  if (setup.name !== name) throw new Error(`setup "${setup.name}" is registered as "${name}"`);
}

export const setups: ReadonlyMap<string, Setup> = new Map(Object.entries(registry));
