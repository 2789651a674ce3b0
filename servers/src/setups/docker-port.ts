import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { ConnlabError, labImage } from "@connlab/scenarios";
import { onExitSync } from "../exit-cleanup.ts";
import { freePort } from "../free-port.ts";
import { isAlive } from "../process-alive.ts";
import type { RunningSetup, Setup } from "../setup.ts";

const run = promisify(execFile);

/** The stack's image, or the tag CONNLAB_IMAGE names (as compose.yaml reads it). */
const labImageRef = () => process.env.CONNLAB_IMAGE ?? labImage;

/** Where the stack's apps listen inside their containers (docker/src/services.ts appPort). */
const containerPort = 8080;
/** Containers this process started carry its pid, so a later run removes them after a crash. */
const ownerLabel = "connlab.owner-pid";
const readyFile = "/tmp/connlab-ready";
const started = new Set<string>();

async function docker(args: readonly string[], timeout = 60_000): Promise<string> {
  const { stdout } = await run("docker", [...args], { timeout });
  return stdout.trim();
}

/** Whether this machine can run the docker setups: dockerd answers and the stack's image exists. */
export async function dockerReady(): Promise<boolean> {
  try {
    await docker(["image", "inspect", "--format", "{{.Id}}", labImageRef()], 15_000);
    return true;
  } catch {
    return false;
  }
}

/** Containers of earlier runs whose owner died (SIGKILL, crash): ours only, never anyone else's. */
export async function removeDockerLeftovers(): Promise<void> {
  const listed = await docker([
    "ps",
    "-a",
    "--filter",
    `label=${ownerLabel}`,
    "--format",
    `{{.ID}} {{.Label "${ownerLabel}"}}`,
  ]).catch(() => "");
  for (const line of listed.split("\n").filter(Boolean)) {
    const [id, pid] = line.split(" ");
    if (id && pid && Number(pid) !== process.pid && !isAlive(Number(pid))) {
      await docker(["rm", "-f", id]).catch(() => undefined);
    }
  }
}

/** On Ctrl-C or a crash, the containers this process started go with it. */
function removeAllSync(): void {
  for (const id of started) {
    try {
      execFileSync("docker", ["rm", "-f", id], { stdio: "ignore", timeout: 10_000 });
    } catch {
      // already gone
    }
  }
  started.clear();
}

/**
 * The stack's `unpublished` server (the healthy web app, HTTP and WebSocket on 0.0.0.0:8080
 * inside its container, so a browser's WebSocket connects once published),
 * started from the stack's image; `publish` adds `-p 127.0.0.1:PORT:8080`, the documented fix.
 * The client is this host, as a user's: it connects to 127.0.0.1:PORT, where, unpublished,
 * nothing listens (the app's port lives in the container's own network namespace): RST.
 * `appHost` 127.0.0.1: the app listens on the container's loopback only, where docker-proxy's
 * connection (to the container's own address, through its eth0) never arrives.
 */
async function startContainer(publish: boolean, appHost = "0.0.0.0"): Promise<RunningSetup> {
  if (!(await dockerReady())) {
    throw new ConnlabError(
      "not-reproducible",
      `this scenario needs Docker and the image ${labImageRef()}: build it with \`docker-compose -f docker/compose.yaml build probe\``,
    );
  }
  onExitSync(removeAllSync);
  const port = await freePort();
  const id = await docker([
    "run",
    "--detach",
    "--rm",
    "--label",
    `${ownerLabel}=${process.pid}`,
    ...(publish ? ["--publish", `127.0.0.1:${port}:${containerPort}`] : []),
    labImageRef(),
    "node",
    "servers/src/bin/serve.ts",
    "--app",
    "web",
    "--host",
    appHost,
    "--port",
    String(containerPort),
    "--ready-file",
    readyFile,
  ]);
  started.add(id);
  const close = async () => {
    if (!started.delete(id)) return;
    await docker(["rm", "-f", id]).catch(() => undefined);
  };
  try {
    // Listening inside its container first: the refusal must come from the missing publish (or
    // the close from the loopback bind), not from a server still starting (docker-proxy would
    // accept and then close).
    const deadline = Date.now() + 30_000;
    while (
      !(await docker(["exec", id, "test", "-f", readyFile]).then(
        () => true,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`container ${id.slice(0, 12)}: the app never listened`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { target: { url: `http://127.0.0.1:${port}/` }, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export const portNotPublished: Setup = {
  name: "port-not-published",
  tier: "docker",
  describe:
    "the server listens on 8080 in a container with no `ports:`; the host's 127.0.0.1:PORT answers RST",
  start: () => startContainer(false),
};

export const portPublished: Setup = {
  name: "port-published",
  tier: "docker",
  describe: 'the same container with `ports: ["127.0.0.1:PORT:8080"]`: the host\'s port reaches the app',
  start: () => startContainer(true),
};

export const publishedLoopback: Setup = {
  name: "published-loopback",
  tier: "docker",
  describe:
    "the app listens on 127.0.0.1:8080 inside its container, published with `-p 127.0.0.1:PORT:8080`: docker-proxy accepts on the host, finds nobody on the container's address and closes",
  start: () => startContainer(true, "127.0.0.1"),
};
