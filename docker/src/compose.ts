/**
 * Builds docker/compose.yaml from the catalogue (scenarios/) and the docker wiring (stack.ts,
 * services.ts). Every docker-tier scenario gets its services, a client container when it
 * changes the client's kernel settings, and a place in a per-category probe. Profiles: `all`
 * (the default, from docker/.env) and one per category.
 */
import { type Category, categories, getScenario, scenarios } from "@connlab/scenarios";
import { type Service, services } from "./services.ts";
import { type DockerScenario, dockerScenarios } from "./stack.ts";
import { toYaml, type Yaml } from "./yaml.ts";

/** The one image every service runs; built from the repository by docker/Dockerfile. */
export const image = "connlab-lab:local";
export const readyFile = "/tmp/connlab-ready";
export const agentPort = 9000;

export const dockerTierIds: readonly string[] = scenarios
  .filter((s) => s.reproducibleIn.includes("docker"))
  .map((s) => s.id);

export function dockerScenario(id: string): DockerScenario {
  const entry = dockerScenarios[id];
  if (!entry) throw new Error(`scenario ${id} has no docker wiring in docker/src/stack.ts`);
  return entry;
}

export const clientService = (id: string) => `client-${id}`;
export const fixedClientService = (id: string) => `client-${id}-fixed`;
export const probeService = (category?: Category) => (category ? `probe-${category}` : "probe");

/** Quoted for sh: the compose file runs every service through `sh -c`. */
const sq = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** Waits for `docker stop` without node: sh handles TERM once `sleep` runs in the background. */
const idle = `touch ${readyFile}; trap 'exit 0' TERM; sleep infinity & wait`;

function serverScript(service: Service): string {
  const steps = [...(service.nft ?? []).map((rule) => `nft ${sq(rule)}`)];
  if (service.before) steps.push(service.before);
  if (!service.app) return [...steps, idle].join(" && ");
  const { app, host = "0.0.0.0", ports, upstream } = service.app;
  const args = ["--app", app, "--host", host, ...ports.flatMap((p) => ["--port", String(p)])];
  if (upstream) args.push("--upstream", upstream);
  return [...steps, `exec node servers/src/bin/serve.ts ${args.join(" ")} --ready-file ${readyFile}`].join(
    " && ",
  );
}

const healthcheck: Yaml = {
  // A file the process writes once it listens: cheap to test, no client inside the container.
  test: ["CMD", "test", "-e", readyFile],
  interval: "2s",
  timeout: "2s",
  retries: 30,
};

function profilesFor(ids: readonly string[]): string[] {
  const used = new Set(ids.map((id) => getScenario(id).category));
  return ["all", ...categories.filter((c) => used.has(c))];
}

function usersOf(name: string): string[] {
  return dockerTierIds.filter((id) => dockerScenario(id).services.includes(name as never));
}

function server(name: string, service: Service): Record<string, Yaml | undefined> {
  const network = service.network ?? "lab";
  return {
    image,
    profiles: profilesFor(usersOf(name)),
    command: ["sh", "-c", serverScript(service)],
    cap_add: service.nft ? ["NET_ADMIN"] : undefined,
    networks: { [network]: service.aliases ? { aliases: [...service.aliases] } : {} },
    volumes: service.before ? ["addresses:/addresses"] : undefined,
    healthcheck,
    stop_grace_period: "2s",
  };
}

function dependsOn(names: readonly string[]): Yaml {
  return Object.fromEntries(names.map((n) => [n, { condition: "service_healthy" }]));
}

function client(id: string, entry: DockerScenario, fixed = false): Record<string, Yaml | undefined> {
  const spec = entry.client ?? {};
  const sysctls = fixed ? spec.fixed?.sysctls : spec.sysctls;
  const agent = ["node", "docker/src/agent.ts", "--scenario", id, ...(fixed ? ["--fixed"] : [])];
  return {
    image,
    profiles: profilesFor([id]),
    command: [...agent, "--ready-file", readyFile],
    cap_add: spec.capAdd ? [...spec.capAdd] : undefined,
    environment: spec.env ? { ...spec.env } : undefined,
    sysctls: sysctls ? { ...sysctls } : undefined,
    networks: { lab: {} },
    volumes: entry.broken.url.includes("{internal-server}") ? ["addresses:/addresses:ro"] : undefined,
    depends_on: entry.services.length > 0 ? dependsOn(entry.services) : undefined,
    healthcheck,
    stop_grace_period: "2s",
  };
}

function probe(category?: Category): Record<string, Yaml | undefined> {
  const ids = dockerTierIds.filter((id) => !category || getScenario(id).category === category);
  const needs = new Set<string>();
  for (const id of ids) {
    const entry = dockerScenario(id);
    if (entry.pending) continue;
    for (const s of entry.services) needs.add(s);
    if (entry.client) needs.add(clientService(id));
    if (entry.client?.fixed) needs.add(fixedClientService(id));
  }
  return {
    image,
    build: { context: "..", dockerfile: "docker/Dockerfile" },
    profiles: [category ?? "all"],
    entrypoint: ["node", "docker/src/probe.ts"],
    environment: { CONNLAB_CATEGORIES: category ?? categories.join(",") },
    networks: { lab: {} },
    depends_on: dependsOn([...needs].sort()),
  };
}

export function composeModel(): Record<string, Yaml> {
  const out: Record<string, Yaml> = {};
  for (const category of [undefined, ...categories]) {
    if (category && !dockerTierIds.some((id) => getScenario(id).category === category)) continue;
    out[probeService(category)] = probe(category) as Yaml;
  }
  const used = new Set<string>(
    dockerTierIds.flatMap((id) => (dockerScenario(id).pending ? [] : dockerScenario(id).services)),
  );
  for (const [name, service] of Object.entries(services) as [string, Service][]) {
    if (used.has(name)) out[name] = server(name, service) as Yaml;
  }
  for (const id of dockerTierIds) {
    const entry = dockerScenario(id);
    if (entry.client && !entry.pending) out[clientService(id)] = client(id, entry) as Yaml;
    if (entry.client?.fixed && !entry.pending) out[fixedClientService(id)] = client(id, entry, true) as Yaml;
  }
  return out;
}

const header = `# Generated by docker/generate.ts from the scenario catalogue: do not edit by hand.
# Run it (see README.md, "Docker"):
#   docker compose -f docker/compose.yaml build
#   docker compose -f docker/compose.yaml run --rm probe
#   docker compose -f docker/compose.yaml down -v
# One group: --profile refused|timeout|addrnotavail|protocol and run probe-<category>.
# Safe by default: no port is published, every network is internal (no way out).
`;

/** The compose file's text, as committed. */
export function composeYaml(): string {
  const model = composeModel();
  let body = "services:\n";
  for (const [name, service] of Object.entries(model)) {
    const describe = (services as Record<string, Service>)[name]?.describe;
    const comment = describe
      ? describe
      : name.endsWith("-fixed")
        ? `the client of ${name.slice(7, -6)} with the documented kernel fix`
        : name.startsWith("client-")
          ? `the client of ${name.slice(7)}, with its own kernel settings`
          : `the probe${name === "probe" ? "" : ` for ${name.slice(6)}`}: runs the catalogue's clients and reports`;
    body += `  # ${comment}\n  ${name}:\n${toYaml(service, 4)}`;
  }
  const rest = toYaml({
    networks: {
      lab: { internal: true },
      private: { internal: true },
    },
    volumes: { addresses: {} },
  });
  return `${header}version: "3.9"\n\n${body}\n${rest}`;
}

/** The command that reproduces one scenario in the stack, as each scenario page shows it. */
export function dockerCommand(id: string): string {
  const { category } = getScenario(id);
  if (!dockerTierIds.includes(id)) throw new Error(`scenario ${id} is not reproducible in docker`);
  const file = "docker compose -f docker/compose.yaml";
  return `${file} --profile ${category} run ${probeService(category)} --scenario ${id}`;
}
