export { type Answers, type RunningDns, startDns } from "./apps/dns.ts";
export { startFastifyWs } from "./apps/fastify-ws.ts";
export { type Listening, startHttp } from "./apps/http.ts";
export { listen } from "./apps/listen.ts";
export { startMute } from "./apps/mute.ts";
export { startNet } from "./apps/net.ts";
export { startProxy } from "./apps/proxy.ts";
export { startSilentClose } from "./apps/silent-close.ts";
export { startWeb } from "./apps/web.ts";
export { type Handshake, startWs, type WsListening } from "./apps/ws.ts";
export { type Connected, connectBounded } from "./connect.ts";
export { freePort, unusedPort } from "./free-port.ts";
export { trustFile } from "./lab-ca.ts";
export {
  createLab,
  deleteNamespace,
  getSysctl,
  type Lab,
  labPrefix,
  lan,
  removeLeftovers,
  type Spawned,
  type SpawnOptions,
  setSysctl,
  shIn,
} from "./netns/index.ts";
export { isAlive } from "./process-alive.ts";
export type { RunningSetup, Setup } from "./setup.ts";
export { dockerReady, removeDockerLeftovers } from "./setups/docker-port.ts";
export { setups } from "./setups/index.ts";
export { churn, connectionsHere, type Load } from "./setups/port-range.ts";
export type { BrowserPage, ProbeOptions, Resolver, ServerSetting, Target, TrustedCa } from "./target.ts";
export { labSiteCertificate, labSiteName, selfSignedCertificate, spkiSha256 } from "./tls-certificate.ts";
