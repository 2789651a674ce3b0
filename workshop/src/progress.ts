import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { workshopDir } from "./paths.ts";

/** progress.json: when each exercise last passed `workshop check`. */
export type Progress = Readonly<Record<string, string>>;

function progressPath(): string {
  return join(workshopDir(), "progress.json");
}

export function readProgress(): Progress {
  try {
    const parsed = JSON.parse(readFileSync(progressPath(), "utf8")) as { verified?: Record<string, string> };
    return parsed.verified ?? {};
  } catch {
    return {};
  }
}

export function recordVerified(exercise: string, at = new Date()): void {
  const verified = { ...readProgress(), [exercise]: at.toISOString() };
  mkdirSync(workshopDir(), { recursive: true });
  writeFileSync(progressPath(), `${JSON.stringify({ verified }, null, 2)}\n`);
}
