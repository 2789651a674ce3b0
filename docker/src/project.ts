import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { execa } from "execa";

const repoRoot = join(import.meta.dirname, "..", "..");

/** Compose v2 (`docker compose`) when the plugin is there, else Debian's docker-compose 1.29. */
function composeBinary(): readonly string[] {
  try {
    execFileSync("docker", ["compose", "version"], { stdio: "ignore", timeout: 10_000 });
    return ["docker", "compose"];
  } catch {
    return ["docker-compose"];
  }
}

export const composeFile = join(repoRoot, "docker", "compose.yaml");

/**
 * A compose project of its own (connlab-<purpose>-<pid> by default), so concurrent runs never
 * touch each other's containers, networks or volumes.
 */
export function composeProject(project = `connlab-run-${process.pid}`) {
  const [file = "docker-compose", ...base] = composeBinary();
  const run = (args: readonly string[], timeoutMs: number, options: { inherit?: boolean } = {}) =>
    execa(file, [...base, "-p", project, "-f", composeFile, ...args], {
      reject: false,
      timeout: timeoutMs,
      cwd: repoRoot,
      ...(options.inherit ? { stdio: "inherit" as const } : {}),
    });
  /** Everything Docker still holds for the project: containers, networks, volumes. */
  const leftovers = async () => {
    const label = `label=com.docker.compose.project=${project}`;
    const list = async (kind: string[], field: string) =>
      (await execa("docker", [...kind, "--filter", label, "--format", `{{.${field}}}`])).stdout
        .split("\n")
        .filter(Boolean);
    return {
      containers: await list(["ps", "-a"], "Names"),
      networks: await list(["network", "ls"], "Name"),
      volumes: await list(["volume", "ls"], "Name"),
    };
  };
  /** The containers Docker says are attached to one network (by name). */
  const attached = async (network: string) =>
    Object.keys(
      JSON.parse(
        (await execa("docker", ["network", "inspect", network, "--format", "{{json .Containers}}"])).stdout ||
          "{}",
      ) as Record<string, unknown>,
    );
  return { project, run, leftovers, attached };
}
