export { type GuideLocale, guideLocales, guidePath, guideUrl, localeFromEnv } from "./guide-url.ts";
export type { LookupAll } from "./resolve.ts";
export {
  type DoctorCause,
  type DoctorCheck,
  type DoctorOptions,
  type DoctorReport,
  type DoctorStep,
  defaultDoctorTimeoutMs,
  exitCodeOf,
  runDoctor,
} from "./run.ts";
export { type DoctorTarget, parseTarget } from "./target.ts";
export { namedCauses } from "./verdict.ts";
