// The catalogue, in the guide's order. A test checks that every file in this folder is listed.

import addrnotavailEphemeralPorts from "./addrnotavail-ephemeral-ports.ts";
import addrnotavailTimeWait from "./addrnotavail-time-wait.ts";
import protocolHttpToWs from "./protocol-http-to-ws.ts";
import protocolProxyStripsUpgrade from "./protocol-proxy-strips-upgrade.ts";
import protocolTlsMismatch from "./protocol-tls-mismatch.ts";
import protocolWsToHttp from "./protocol-ws-to-http.ts";
import protocolWsToRawTcp from "./protocol-ws-to-raw-tcp.ts";
import refusedCdn from "./refused-cdn.ts";
import refusedDnsWrongIp from "./refused-dns-wrong-ip.ts";
import refusedDockerUnpublishedPort from "./refused-docker-unpublished-port.ts";
import refusedLocalhostIpv6 from "./refused-localhost-ipv6.ts";
import refusedLoopbackOnly from "./refused-loopback-only.ts";
import refusedNotListening from "./refused-not-listening.ts";
import refusedProxy from "./refused-proxy.ts";
import refusedWrongHost from "./refused-wrong-host.ts";
import refusedWrongPort from "./refused-wrong-port.ts";
import timeoutDnsWrongIp from "./timeout-dns-wrong-ip.ts";
import timeoutFirewall from "./timeout-firewall.ts";
import timeoutHostDown from "./timeout-host-down.ts";
import timeoutInternalIp from "./timeout-internal-ip.ts";
import timeoutPanelFirewall from "./timeout-panel-firewall.ts";
import timeoutSecurityGroup from "./timeout-security-group.ts";

export const declarations = [
  refusedWrongPort,
  refusedWrongHost,
  refusedDnsWrongIp,
  refusedCdn,
  refusedNotListening,
  refusedProxy,
  refusedLoopbackOnly,
  refusedLocalhostIpv6,
  refusedDockerUnpublishedPort,
  timeoutFirewall,
  timeoutSecurityGroup,
  timeoutPanelFirewall,
  timeoutHostDown,
  timeoutDnsWrongIp,
  timeoutInternalIp,
  addrnotavailEphemeralPorts,
  addrnotavailTimeWait,
  protocolWsToHttp,
  protocolWsToRawTcp,
  protocolHttpToWs,
  protocolTlsMismatch,
  protocolProxyStripsUpgrade,
];
