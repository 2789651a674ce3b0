export { ObservationsArtifact, RecordedObservation, ScenarioRecord } from "./artifact.ts";
export {
  type BothWays,
  recordableInDocker,
  reproduceBothWays,
  reproducibleHere,
  tierOf,
} from "./catalogue.ts";
export { chromiumPath, launchChromium } from "./chromium.ts";
export { chromiumCode, closeChromium } from "./clients/chromium.ts";
export { probeEnv } from "./clients/client.ts";
export { curlArgs, curlUpgradeHeaders } from "./clients/curl.ts";
export { closeFirefox, firefoxCode } from "./clients/firefox.ts";
export { type Client, clients, getClient } from "./clients/index.ts";
export { labLookup } from "./clients/system-resolver.ts";
export { judge, type Verdict } from "./expectations.ts";
export { probeClients } from "./in-netns.ts";
export { CONNECTED, Observation, plainObservation, Setting, WATCHDOG } from "./observation.ts";
export {
  artifactPath,
  comparable,
  mergeArtifact,
  normaliseMessage,
  readArtifact,
  toRecord,
  writeArtifact,
} from "./record.ts";
export {
  type Judged,
  judged,
  labSetup,
  type ObserveOptions,
  observe,
  type Report,
  type ReproduceOptions,
  reproduce,
  watchdogMs,
} from "./reproduce.ts";
export { clientSettings, kernelTimerSettings, withSettings } from "./settings.ts";
