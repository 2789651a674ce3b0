export { ObservationsArtifact, RecordedObservation, ScenarioRecord } from "./artifact.ts";
export { chromiumPath, launchChromium } from "./chromium.ts";
export { chromiumCode, closeChromium } from "./clients/chromium.ts";
export { type Client, clients, getClient } from "./clients/index.ts";
export { judge, type Verdict } from "./expectations.ts";
export { CONNECTED, Observation } from "./observation.ts";
export { defaultTimeoutMs, NotReproducibleError, type Report, reproduce } from "./reproduce.ts";
