/**
 * A minimal YAML writer for the compose file: block mappings and sequences, scalars written as
 * JSON (a JSON string is a valid YAML double-quoted scalar), short scalar lists in flow style.
 * Enough for compose.yaml without a dependency; it writes, it never parses.
 */
export type Yaml = string | number | boolean | readonly Yaml[] | { readonly [key: string]: Yaml | undefined };

const plainKey = /^[A-Za-z0-9_.-]+$/;

function key(k: string): string {
  return plainKey.test(k) ? k : JSON.stringify(k);
}

function scalar(value: string | number | boolean): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function isScalar(value: Yaml): value is string | number | boolean {
  return typeof value !== "object";
}

export function toYaml(value: Yaml, indent = 0): string {
  const pad = " ".repeat(indent);
  if (isScalar(value)) return `${pad}${scalar(value)}\n`;
  if (Array.isArray(value)) {
    return value.map((item: Yaml) => `${pad}- ${toYaml(item, indent + 2).trimStart()}`).join("");
  }
  let out = "";
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (isScalar(v)) out += `${pad}${key(k)}: ${scalar(v)}\n`;
    else if (Array.isArray(v) && v.every(isScalar))
      out += `${pad}${key(k)}: [${v.map((x: string | number | boolean) => scalar(x)).join(", ")}]\n`;
    else if (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0) out += `${pad}${key(k)}: {}\n`;
    else out += `${pad}${key(k)}:\n${toYaml(v, indent + 2)}`;
  }
  return out;
}
