export { shIn } from "./exec.ts";
export { createLab, type Lab, startLab } from "./lab.ts";
export { removeLeftovers } from "./leftovers.ts";
export { cable } from "./link.ts";
export { labPrefix } from "./names.ts";
export { deleteNamespace, getSysctl, setSysctl } from "./namespace.ts";
export { applyRuleset } from "./nft.ts";
export type { Spawned, SpawnOptions } from "./spawn.ts";
export {
  answerOrSilence,
  lan,
  narrowPath,
  routedPair,
  serve,
  serveOverTls,
  subnet,
  webOnLan,
} from "./topology.ts";
