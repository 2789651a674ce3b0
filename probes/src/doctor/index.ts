export { defaultGuideUrl, type GuideLocale, guideLocales, guideUrl, localeFromEnv } from "./guide-url.ts";
export {
  type DoctorCause,
  type DoctorOptions,
  type DoctorReport,
  type DoctorStep,
  defaultDoctorTimeoutMs,
  exitCodeOf,
  runDoctor,
} from "./run.ts";
export { type DoctorTarget, parseTarget, TargetError } from "./target.ts";
