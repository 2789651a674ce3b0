export { type Listening, startHttp } from "./apps/http.ts";
export { startNet } from "./apps/net.ts";
export { startWs } from "./apps/ws.ts";
export { freePort } from "./free-port.ts";
export { removeLeftovers } from "./netns/leftovers.ts";
export type { RunningSetup, Setup } from "./setup.ts";
export { setups } from "./setups/index.ts";
export type { ProbeOptions, Target } from "./target.ts";
