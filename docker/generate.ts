/**
 * Writes docker/compose.yaml from the catalogue: `node docker/generate.ts`. With `--check` it
 * writes nothing and exits 1 when the committed file is stale (the unit tier does the same).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { composeYaml } from "./src/compose.ts";

const file = join(import.meta.dirname, "compose.yaml");
const text = composeYaml();
if (process.argv.includes("--check")) {
  const current = readFileSync(file, "utf8");
  if (current !== text) {
    process.stderr.write("docker/compose.yaml is stale: run `node docker/generate.ts`\n");
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
  process.stdout.write("wrote docker/compose.yaml\n");
}
