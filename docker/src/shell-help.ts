/**
 * What `docker compose run --rm shell` prints before its prompt: each broken target of the
 * stack and the one command that shows its failure, in the reader's language (LANG).
 */
import { localeFromEnv } from "@connlab/probes/doctor";
import { getScenario } from "@connlab/scenarios";
import { resolveUrl } from "./check.ts";
import { dockerCommand, dockerScenario, dockerTierIds } from "./compose.ts";

const text = {
  en: {
    head: "connlab lab shell: curl, nc, dig and ws (a WebSocket client) on the lab network.",
    tail: "Timeouts wait for the kernel's own timers (about 2 min for curl); Ctrl-C stops one.",
    own: "changes the client's own kernel or routes; on the host:",
  },
  es: {
    head: "Shell del laboratorio connlab: curl, nc, dig y ws (cliente WebSocket) en la red del lab.",
    tail: "Los timeouts esperan a los temporizadores del kernel (unos 2 min con curl); Ctrl-C corta.",
    own: "cambia el kernel o las rutas del propio cliente; en el host:",
  },
} as const;

/** The command a user types to see the failure: curl for HTTP(S), ws for WebSocket URLs. */
function commandFor(id: string): string {
  const { broken, client } = dockerScenario(id);
  // A proxy in the environment can be set here; sysctls and routes need the client's own container.
  if (client?.sysctls || client?.prepare) return `${text[locale].own} ${dockerCommand(id)}`;
  const url = resolveUrl(broken.url);
  const env = Object.entries(broken.env ?? {})
    .filter(([name]) => name !== "NODE_USE_ENV_PROXY")
    .map(([name, value]) => `${name}=${value} `)
    .join("");
  return url.startsWith("ws") ? `${env}ws ${url}` : `${env}curl -sS ${url}`;
}

const locale = localeFromEnv(process.env);
const lines = [text[locale].head, ""];
for (const id of dockerTierIds) {
  lines.push(`  ${id.padEnd(34)} ${getScenario(id).title[locale]}`, `      ${commandFor(id)}`);
}
lines.push("", text[locale].tail);
process.stdout.write(`${lines.join("\n")}\n`);
