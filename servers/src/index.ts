export { type Answers, type RunningDns, startDns } from "./apps/dns.ts";
export { type Listening, startHttp } from "./apps/http.ts";
export { startNet } from "./apps/net.ts";
export { startWeb } from "./apps/web.ts";
export { startWs } from "./apps/ws.ts";
export { freePort } from "./free-port.ts";
export type { RunningSetup, Setup } from "./setup.ts";
export { setups } from "./setups/index.ts";
export type { ProbeOptions, Resolver, Target } from "./target.ts";
