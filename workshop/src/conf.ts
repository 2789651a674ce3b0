import { readFileSync } from "node:fs";
import { ConnlabError } from "@connlab/scenarios";

/**
 * The attendee's configuration files: `key: value` lines, `#` starts a comment. Deliberately
 * the smallest format that reads like the YAML/INI files of real servers.
 */
export type Conf = Readonly<Record<string, string>>;

export function parseConf(text: string, file: string): Conf {
  const conf: Record<string, string> = {};
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") return;
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!match?.[1])
      throw new ConnlabError("bad-config", `${file} line ${index + 1} is not "key: value": ${raw.trim()}`);
    conf[match[1]] = (match[2] ?? "").replace(/^(["'])(.*)\1$/, "$2");
  });
  return conf;
}

export function readConf(path: string, file: string): Conf {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new ConnlabError(
      "bad-config",
      `${file} is missing: run \`pnpm connlab workshop start\` for this exercise first`,
    );
  }
  return parseConf(text, file);
}

/** A required key, or a one-line error naming the file and the key. */
export function required(conf: Conf, key: string, file: string): string {
  const value = conf[key];
  if (value === undefined || value === "")
    throw new ConnlabError("bad-config", `${file} has no "${key}:" line`);
  return value;
}
