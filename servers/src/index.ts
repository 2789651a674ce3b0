export { startDns } from "./apps/dns.ts";
export { type Listening, startHttp } from "./apps/http.ts";
export { startNet } from "./apps/net.ts";
export { startWs } from "./apps/ws.ts";
export { freePort } from "./free-port.ts";
export {
  createLab,
  getSysctl,
  type Lab,
  removeLeftovers,
  type Spawned,
  type SpawnOptions,
  setSysctl,
  shIn,
} from "./netns/index.ts";
export type { RunningSetup, Setup } from "./setup.ts";
export { setups } from "./setups/index.ts";
export type { ProbeOptions, Target } from "./target.ts";
