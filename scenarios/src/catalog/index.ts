// The catalogue, in the guide's order: the one list of scenario ids. A test checks that every
// file in this folder is listed, under its own id.

import addrnotavailEphemeralPorts from "./addrnotavail-ephemeral-ports.ts";
import addrnotavailTimeWait from "./addrnotavail-time-wait.ts";
import policyMixedContent from "./policy-mixed-content.ts";
import policyOriginRejected from "./policy-origin-rejected.ts";
import policySubprotocolMismatch from "./policy-subprotocol-mismatch.ts";
import protocolHttpToWs from "./protocol-http-to-ws.ts";
import protocolProxyStripsUpgrade from "./protocol-proxy-strips-upgrade.ts";
import protocolTlsMismatch from "./protocol-tls-mismatch.ts";
import protocolWsToHttp from "./protocol-ws-to-http.ts";
import protocolWsToRawTcp from "./protocol-ws-to-raw-tcp.ts";
import refusedCdn from "./refused-cdn.ts";
import refusedDnsWrongIp from "./refused-dns-wrong-ip.ts";
import refusedDockerUnpublishedPort from "./refused-docker-unpublished-port.ts";
import refusedLocalhostInContainer from "./refused-localhost-in-container.ts";
import refusedLocalhostIpv6 from "./refused-localhost-ipv6.ts";
import refusedLoopbackOnly from "./refused-loopback-only.ts";
import refusedNotListening from "./refused-not-listening.ts";
import refusedProxy from "./refused-proxy.ts";
import refusedWrongHost from "./refused-wrong-host.ts";
import refusedWrongPort from "./refused-wrong-port.ts";
import timeoutDnsWrongIp from "./timeout-dns-wrong-ip.ts";
import timeoutFirewall from "./timeout-firewall.ts";
import timeoutHostDown from "./timeout-host-down.ts";
import timeoutHostDownRouted from "./timeout-host-down-routed.ts";
import timeoutInternalIp from "./timeout-internal-ip.ts";
import timeoutPanelFirewall from "./timeout-panel-firewall.ts";
import timeoutSecurityGroup from "./timeout-security-group.ts";
import tlsIncompleteChain from "./tls-incomplete-chain.ts";
import tlsUntrustedCertificate from "./tls-untrusted-certificate.ts";

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
  refusedLocalhostInContainer,
  timeoutFirewall,
  timeoutSecurityGroup,
  timeoutPanelFirewall,
  timeoutHostDown,
  timeoutHostDownRouted,
  timeoutDnsWrongIp,
  timeoutInternalIp,
  addrnotavailEphemeralPorts,
  addrnotavailTimeWait,
  protocolWsToHttp,
  protocolWsToRawTcp,
  protocolHttpToWs,
  protocolTlsMismatch,
  protocolProxyStripsUpgrade,
  policyOriginRejected,
  policySubprotocolMismatch,
  policyMixedContent,
  tlsUntrustedCertificate,
  tlsIncompleteChain,
] as const;

type Declaration = (typeof declarations)[number];

/** Every id the catalogue declares, as a type: registries keyed by it name what a new one lacks. */
export type DeclaredId = Declaration["id"];

/** The declarations the lab (rootless or root) reproduces, by their `reproducibleIn`. */
type InTheLab<D> = D extends { readonly reproducibleIn: readonly (infer T)[] }
  ? [Extract<T, "lab" | "lab-root">] extends [never]
    ? never
    : D
  : never;

/** The declarations the docker stack reproduces, by their `reproducibleIn`. */
type InDocker<D> = D extends { readonly reproducibleIn: readonly (infer T)[] }
  ? "docker" extends T
    ? D
    : never
  : never;

/** Every id the docker stack reproduces: its wiring (docker/src/stack.ts) is keyed by them. */
export type DockerScenarioId = InDocker<Declaration>["id"];

/** Every setup the lab must have: the fault and the fix of each scenario it reproduces. */
export type LabSetupName =
  | InTheLab<Declaration>["fault"]["name"]
  | InTheLab<Declaration>["fix"]["apply"]["name"];
