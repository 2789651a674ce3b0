export type { Checked, FixedResult, ScenarioResult } from "./check.ts";
export {
  browserDockerCommand,
  browserImage,
  browserProbeService,
  browserProfile,
  clientService,
  composeModel,
  composeYaml,
  dockerCommand,
  dockerScenario,
  dockerTierIds,
  fixedClientService,
  image,
  probeService,
  shellCommand,
} from "./compose.ts";
export { composeFile, composeProject } from "./project.ts";
export { formatReport, formatScenario, type ProbeReport, summarize, summaryLine } from "./report.ts";
export { services } from "./services.ts";
