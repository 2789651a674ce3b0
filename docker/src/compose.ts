/**
 * Builds docker/compose.yaml from the catalogue (scenarios/) and the docker wiring (stack.ts,
 * services.ts). Every docker-tier scenario gets its services, a client container when it
 * changes the client's kernel settings, and a place in a per-category probe. Profiles: `all`
 * (the default, from docker/.env) and one per category.
 */
import {
  type Category,
  categories,
  categoriesReproducedIn,
  getScenario,
  labImage,
  labSynRetries,
  scenarios,
} from "@connlab/scenarios";
import { asOneLine } from "@connlab/servers/firewall";
import { Document, isMap, isScalar, visit } from "yaml";
import { type Service, services } from "./services.ts";
import { type DockerScenario, dockerScenarios } from "./stack.ts";

/** The one image every service runs; built from the repository by docker/Dockerfile. */
export const image = labImage;
/** A value Compose takes from the environment of whoever runs it, with a default. */
const fromEnv = (name: string, fallback: string) => `\${${name}:-${fallback}}`;
/** CONNLAB_IMAGE names another tag, so two checkouts on one dockerd do not overwrite each other's. */
const imageRef = fromEnv("CONNLAB_IMAGE", image);
/**
 * The optional browser image: the lab image plus Debian's Chromium (the Dockerfile's `browser`
 * target), for the `browser` profile only, so the default image stays lean.
 */
export const browserImage = "connlab-browser:local";
const browserImageRef = fromEnv("CONNLAB_BROWSER_IMAGE", browserImage);
/** The profile whose probe and client containers carry Chromium. */
export const browserProfile = "browser";
/** The reader's language, for the page links and the shell's message. */
const lang = fromEnv("LANG", "C.UTF-8");
/**
 * The volume every service of the stack shares. A service writes `ready/<service>` once it
 * listens (the probe waits for those, see ready.ts); the probe touches `report-done` once its
 * report is printed, and docker/run-service.sh then stops every service, so a plain
 * `docker compose up` ends by itself.
 */
export const runDir = "/run/connlab";
export const reportDoneFile = `${runDir}/report-done`;
export const readyFile = (service: string) => `${runDir}/ready/${service}`;
const runVolume = `run:${runDir}`;

/**
 * The kernel timers of every container the catalogue's clients run in, as the root lab sets them
 * in its client namespaces (scenarios/src/timers.ts): a dropped SYN ends in the kernel's own
 * ETIMEDOUT after seconds instead of ~2 minutes. Per network namespace, so only these
 * containers'; each row records it (probes/src/settings.ts reads it back). The shell keeps
 * the kernel's default: what a user types there waits as long as on any machine.
 */
const clientKernelTimers = { "net.ipv4.tcp_syn_retries": String(labSynRetries) };

/** One service of the compose file, as the YAML library writes it (undefined keys are left out). */
type ComposeService = Record<string, unknown>;
export const agentPort = 9000;

export const dockerTierIds: readonly string[] = scenarios
  .filter((s) => s.reproducibleIn.includes("docker"))
  .map((s) => s.id);

export function dockerScenario(id: string): DockerScenario {
  const entry = (dockerScenarios as Readonly<Record<string, DockerScenario | undefined>>)[id];
  if (!entry) throw new Error(`scenario ${id} has no docker wiring in docker/src/stack.ts`);
  return entry;
}

/** `browser`: the twin container of the browser profile, the same client machine with Chromium. */
export const clientService = (id: string, browser = false) => `client-${id}${browser ? "-browser" : ""}`;
export const fixedClientService = (id: string, browser = false) =>
  `client-${id}-fixed${browser ? "-browser" : ""}`;
export const probeService = (category?: Category) => (category ? `probe-${category}` : "probe");
export const browserProbeService = "probe-browser";

/** Quoted for sh: the compose file runs every service through `sh -c`. */
const sq = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * Every lab service runs under run-service.sh: quiet, and gone once the report is printed. No
 * healthcheck: dockerd starts one as a process inside each container every interval, two dozen
 * every 2 s for as long as the stack runs, and dockerd is also the stack's DNS server (see
 * ready.ts).
 */
const underRunService = (name: string, command: readonly string[]) => [
  "sh",
  "docker/run-service.sh",
  name,
  ...command,
];

function serverScript(name: string, service: Service): string {
  const steps = service.nft ? [`nft ${sq(asOneLine(service.nft))}`] : [];
  if (service.before) steps.push(service.before);
  // A machine that only exists (it answers at the kernel level): ready at once.
  if (!service.app) return [...steps, `touch ${readyFile(name)}`, "exec sleep infinity"].join(" && ");
  const { app, host = "0.0.0.0", ports, upstream, stall } = service.app;
  const args = ["--app", app, "--host", host, ...ports.flatMap((p) => ["--port", String(p)])];
  if (upstream) args.push("--upstream", upstream);
  if (stall) args.push("--stall");
  args.push("--ready-file", readyFile(name));
  return [...steps, `exec node servers/src/bin/serve.ts ${args.join(" ")}`].join(" && ");
}

/** Servers serve every profile that runs one of their scenarios, the browser's too. */
function profilesFor(ids: readonly string[]): string[] {
  const used = new Set(ids.map((id) => getScenario(id).category));
  return ["all", ...categories.filter((c) => used.has(c)), browserProfile];
}

function usersOf(name: string): string[] {
  return dockerTierIds.filter((id) => dockerScenario(id).services.includes(name as never));
}

function server(name: string, service: Service): ComposeService {
  const network = service.network ?? "lab";
  return {
    image: imageRef,
    profiles: profilesFor(usersOf(name)),
    command: underRunService(name, ["sh", "-c", serverScript(name, service)]),
    cap_add: service.nft ? ["NET_ADMIN"] : undefined,
    networks: { [network]: service.aliases ? { aliases: [...service.aliases] } : {} },
    volumes: [...(service.before ? ["addresses:/addresses"] : []), runVolume],
    stop_grace_period: "2s",
  };
}

function client(id: string, entry: DockerScenario, fixed = false, browser = false): ComposeService {
  const spec = entry.client ?? {};
  const name = fixed ? fixedClientService(id, browser) : clientService(id, browser);
  const sysctls = fixed ? spec.fixed?.sysctls : spec.sysctls;
  const agent = ["node", "docker/src/agent.ts", "--scenario", id, ...(fixed ? ["--fixed"] : [])];
  return {
    image: browser ? browserImageRef : imageRef,
    profiles: browser ? [browserProfile] : profilesFor([id]).filter((p) => p !== browserProfile),
    command: underRunService(name, [...agent, "--ready-file", readyFile(name)]),
    cap_add: spec.capAdd ? [...spec.capAdd] : undefined,
    environment: spec.env ? { ...spec.env } : undefined,
    sysctls: { ...clientKernelTimers, ...sysctls },
    networks: { lab: {} },
    volumes: [
      ...(entry.broken.url.includes("{internal-server}") ? ["addresses:/addresses:ro"] : []),
      runVolume,
    ],
    // The probe waits for the servers before it asks the agent anything.
    depends_on: entry.services.length > 0 ? [...entry.services] : undefined,
    stop_grace_period: "2s",
  };
}

/**
 * The services the given scenarios run against, including their client containers (their
 * browser twins for the browser profile's probe).
 */
export function servicesOf(ids: readonly string[], browser = false): string[] {
  const needs = new Set<string>();
  for (const id of ids) {
    const entry = dockerScenario(id);
    for (const s of entry.services) needs.add(s);
    if (entry.client) needs.add(clientService(id, browser));
    if (entry.client?.fixed) needs.add(fixedClientService(id, browser));
  }
  return [...needs].sort();
}

/** Every probe runs every category it is given; the browser's runs them all, with Chromium. */
function probe(category?: Category, browser = false): ComposeService {
  const ids = dockerTierIds.filter((id) => !category || getScenario(id).category === category);
  return {
    image: browser ? browserImageRef : imageRef,
    // The classic builder builds every stage up to the target: the lab image stops before Chromium.
    build: { context: "..", dockerfile: "docker/Dockerfile", target: browser ? "browser" : "lab" },
    profiles: [browser ? browserProfile : (category ?? "all")],
    entrypoint: ["node", "docker/src/probe.ts"],
    // LANG: the page links in the reader's language.
    environment: {
      CONNLAB_CATEGORIES: category ?? categoriesReproducedIn("docker").join(","),
      LANG: lang,
      // Every client resolves its target through getaddrinfo on libuv's thread pool (4 threads
      // by default). The probe runs the scenarios concurrently, ~60 lookups at once, so with 4
      // threads a lookup queued behind 15 others and, whenever Docker's embedded DNS answered
      // slowly, spent its client's whole attempt waiting for a thread. One thread per lookup.
      UV_THREADPOOL_SIZE: "64",
    },
    sysctls: { ...clientKernelTimers },
    networks: { lab: {} },
    volumes: [runVolume],
    // Started first; the probe itself waits until each has written its ready file.
    depends_on: servicesOf(ids, browser),
  };
}

/** `docker compose run --rm shell`: a client machine on the lab network, to try it by hand. */
function shell(): ComposeService {
  const servers = servicesOf(dockerTierIds).filter((name) => name in services);
  return {
    image: imageRef,
    profiles: ["shell"],
    command: ["sh", "-c", "node docker/src/shell-help.ts && exec bash"],
    environment: { LANG: lang },
    stdin_open: true,
    tty: true,
    networks: { lab: {} },
    depends_on: servers,
  };
}

export function composeModel(): Record<string, ComposeService> {
  const out: Record<string, ComposeService> = { shell: shell() };
  for (const category of [undefined, ...categories]) {
    if (category && !dockerTierIds.some((id) => getScenario(id).category === category)) continue;
    out[probeService(category)] = probe(category);
  }
  out[browserProbeService] = probe(undefined, true);
  const used = new Set<string>(dockerTierIds.flatMap((id) => dockerScenario(id).services));
  for (const [name, service] of Object.entries(services) as [string, Service][]) {
    if (used.has(name)) out[name] = server(name, service);
  }
  for (const id of dockerTierIds) {
    const entry = dockerScenario(id);
    // Each client container and, for the browser profile, its twin with Chromium.
    for (const browser of [false, true]) {
      if (entry.client) out[clientService(id, browser)] = client(id, entry, false, browser);
      if (entry.client?.fixed) out[fixedClientService(id, browser)] = client(id, entry, true, browser);
    }
  }
  return out;
}

const header = `Generated by docker/generate.ts from the scenario catalogue: do not edit by hand.
Run it from this folder (see README.md, "Docker"):
  docker compose up --build --abort-on-container-exit --exit-code-from probe
  docker compose run --rm shell     # a shell in the lab network, to try each failure by hand
  docker compose down -v
One group: --profile refused|timeout|addrnotavail|protocol and run probe-<category>.
With Chromium too (a larger image): --profile browser and probe-browser.
Safe by default: no port is published, every network is internal (no way out).`;

/** What goes on the wire at a service, written above it in the file. */
function describeService(name: string): string {
  const described = (services as Record<string, Service>)[name]?.describe;
  if (described) return described;
  if (name.startsWith("client-") && name.endsWith("-browser"))
    return `${describeService(name.slice(0, -8))}, and Chromium (browser profile)`;
  if (name.endsWith("-fixed")) return `the client of ${name.slice(7, -6)} with the documented kernel fix`;
  if (name.startsWith("client-")) return `the client of ${name.slice(7)}, with its own kernel settings`;
  if (name === browserProbeService)
    return "the probe of the browser profile: the catalogue's clients and Chromium";
  if (name === "shell")
    return "a shell on the lab network (curl, nc, dig, ws) that lists each failure to try";
  return `the probe${name === "probe" ? "" : ` for ${name.slice(6)}`}: runs the catalogue's clients and reports`;
}

/** The compose file's text, as committed. */
export function composeYaml(): string {
  const doc = new Document({
    version: "3.9",
    services: composeModel(),
    networks: { lab: { internal: true }, private: { internal: true } },
    volumes: { addresses: {}, run: {} },
  });
  doc.commentBefore = header.replace(/^/gm, " ");
  const servicesMap = doc.get("services");
  if (!isMap(servicesMap)) throw new Error("compose model without services");
  for (const pair of servicesMap.items) {
    if (isScalar(pair.key)) pair.key.commentBefore = ` ${describeService(String(pair.key.value))}`;
  }
  // Short lists of words (profiles, commands) read best on one line.
  visit(doc, {
    Seq: (_, seq) => {
      if (seq.items.every(isScalar)) seq.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A shell on the lab network that lists each broken target and the command that shows it. */
export const shellCommand = "docker compose -f docker/compose.yaml run --rm shell";

const composeCli = "docker compose -f docker/compose.yaml";

/** The command that reproduces one scenario in the stack, as each scenario page shows it. */
export function dockerCommand(id: string): string {
  const { category } = getScenario(id);
  if (!dockerTierIds.includes(id)) throw new Error(`scenario ${id} is not reproducible in docker`);
  return `${composeCli} --profile ${category} run ${probeService(category)} --scenario ${id}`;
}

/** The same with Chromium's row too (the browser profile), when the scenario declares one. */
export function browserDockerCommand(id: string): string | undefined {
  if (!getScenario(id).expect.some((e) => e.client === "chromium")) return undefined;
  dockerCommand(id);
  return `${composeCli} --profile ${browserProfile} run ${browserProbeService} --scenario ${id}`;
}
