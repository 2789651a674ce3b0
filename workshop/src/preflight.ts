import { createServer } from "node:net";
import { chromiumInstalled, chromiumPath } from "@connlab/probes/chromium";
import { isAlive } from "@connlab/servers";
import { runCommand } from "./clients.ts";
import { exercises } from "./exercises/index.ts";
import { portBase } from "./paths.ts";
import { readState } from "./state.ts";

/** One line of `workshop preflight`: what was checked, what was found, what to do about it. */
export interface PreflightItem {
  readonly name: string;
  readonly ok: boolean;
  /** `block`: a room cannot start without it; `warn`: some exercises will not run. */
  readonly severity: "block" | "warn";
  readonly detail: string;
  /** The fix, when not ok. */
  readonly fix: string;
}

const minimumNodeMajor = 24;

function item(name: string, ok: boolean, severity: PreflightItem["severity"], detail: string, fix = "") {
  return { name, ok, severity, detail, fix: ok ? "" : fix };
}

async function works(file: string, args: readonly string[]): Promise<boolean> {
  return (await runCommand(file, args, { timeoutMs: 10_000 })).code === 0;
}

/** Binds 127.0.0.1:port and lets go: free now, or in use (by someone else) now. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The loopback ports the rootless exercises bind, minus those our own running exercises hold. */
async function portsItem(): Promise<PreflightItem> {
  const base = portBase();
  const ours = new Set(
    exercises
      .map((e) => readState(e.name))
      .filter((s) => s !== undefined && isAlive(s.pid))
      .map((s) => s?.listening.port),
  );
  const wanted = exercises
    .filter((e) => e.tier === "lab")
    .flatMap((e) => e.ports.map((p) => base + p.offset))
    .filter((port) => !ours.has(port));
  const taken: number[] = [];
  for (const port of wanted) if (!(await portFree(port))) taken.push(port);
  const range = `127.0.0.1:${base + 1}-${base + 10}`;
  return item(
    "ports",
    taken.length === 0,
    "block",
    taken.length === 0 ? `${range} free` : `in use: ${taken.join(", ")}`,
    `stop what listens there (ss -ltnp), or move every exercise with CONNLAB_WORKSHOP_PORT_BASE=<another base>`,
  );
}

export async function preflight(): Promise<PreflightItem[]> {
  const major = Number(process.versions.node.split(".")[0]);
  const root = process.getuid?.() === 0;
  const [docker, curl, ip, nft, ports] = await Promise.all([
    works("docker", ["version", "--format", "{{.Server.Version}}"]),
    works("curl", ["--version"]),
    works("ip", ["-V"]),
    works("nft", ["--version"]),
    portsItem(),
  ]);
  const rootExercises = exercises
    .filter((e) => e.tier === "lab-root")
    .map((e) => e.name)
    .join(", ");
  return [
    item(
      "node",
      major >= minimumNodeMajor,
      "block",
      `Node.js ${process.versions.node}`,
      `Node.js ${minimumNodeMajor} or later is needed: bash scripts/bootstrap.sh && export PATH=$PWD/.tools/bin:$PATH`,
    ),
    item(
      "root or docker",
      root || docker,
      "block",
      root ? "running as root" : docker ? "Docker answers (not root)" : "neither root nor a Docker engine",
      "run as root (sudo), or install and start Docker (apt-get install docker.io)",
    ),
    item(
      "root",
      root,
      "warn",
      root ? "root: namespace exercises available" : "not root",
      `${rootExercises} need root: run them with sudo, or use the Docker stack`,
    ),
    item(
      "chromium",
      chromiumInstalled(),
      "block",
      chromiumInstalled() ? chromiumPath : `no Chromium at ${chromiumPath}`,
      "apt-get install chromium, or point CONNLAB_CHROMIUM at your Chromium",
    ),
    item("curl", curl, "block", curl ? "curl found" : "curl is missing", "apt-get install curl"),
    item("ip", ip, root ? "block" : "warn", ip ? "ip found" : "ip is missing", "apt-get install iproute2"),
    item(
      "nft",
      nft,
      root ? "block" : "warn",
      nft ? "nft found" : "nft is missing",
      "apt-get install nftables",
    ),
    ports,
  ];
}

export function blocks(items: readonly PreflightItem[]): boolean {
  return items.some((i) => !i.ok && i.severity === "block");
}
