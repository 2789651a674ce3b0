export { sh, shIn } from "./exec.ts";
export { createLab, type Lab, startLab } from "./lab.ts";
export { isAlive, removeLeftovers } from "./leftovers.ts";
export { addAddress, addRoute, cable, type End } from "./link.ts";
export { labPrefix, namespaceName, ownerPid } from "./names.ts";
export { addNamespace, deleteNamespace, getSysctl, listNamespaces, setSysctl } from "./namespace.ts";
export { applyRuleset, listTables, portRuleTable } from "./nft.ts";
export { type Spawned, type SpawnOptions, spawnInNetns } from "./spawn.ts";
export { lan, type Member, router, serve, subnet } from "./topology.ts";
