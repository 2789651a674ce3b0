import { execFileSync } from "node:child_process";
import { chromiumInstalled, chromiumPath } from "@connlab/probes/chromium";
import { firefoxInstalled, firefoxPath } from "@connlab/probes/firefox";
import { nginxInstalled, nginxPath } from "@connlab/servers/nginx";

/**
 * The test tiers, cheapest first. Each has a check that says whether it can start on this
 * machine and, when not, why in one line. scripts/test.ts skips a tier that cannot start,
 * except with CI=true, where that is a failure.
 */
export const tierNames = ["unit", "lab", "lab-root", "docker", "browser"] as const;
export type TierName = (typeof tierNames)[number];

export type Readiness = { ready: true } | { ready: false; why: string };

const ready: Readiness = { ready: true };

function commandWorks(file: string, args: readonly string[]): boolean {
  try {
    execFileSync(file, args, { stdio: "ignore", timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

export const readinessChecks: Record<TierName, () => Readiness> = {
  unit: () => ready,
  lab: () => {
    if (!commandWorks("curl", ["--version"]))
      return { ready: false, why: "curl is not installed (apt-get install curl)" };
    // The closed-* scenarios go through a real nginx, started by the lab on loopback.
    if (!nginxInstalled()) return { ready: false, why: `no nginx at ${nginxPath} (apt-get install nginx)` };
    return ready;
  },
  "lab-root": () => {
    if (process.getuid?.() !== 0) return { ready: false, why: "needs root (network namespaces, nftables)" };
    if (!commandWorks("ip", ["-V"])) return { ready: false, why: "ip is missing (apt-get install iproute2)" };
    if (!commandWorks("nft", ["--version"]))
      return { ready: false, why: "nft is missing (apt-get install nftables)" };
    return ready;
  },
  docker: () => {
    if (!commandWorks("docker", ["version", "--format", "{{.Server.Version}}"])) {
      return { ready: false, why: "no Docker engine answers (install docker.io and start dockerd)" };
    }
    if (!commandWorks("docker-compose", ["version"]) && !commandWorks("docker", ["compose", "version"])) {
      return { ready: false, why: "no Docker Compose (install docker-compose or the compose plugin)" };
    }
    return ready;
  },
  browser: () =>
    chromiumInstalled()
      ? ready
      : { ready: false, why: `no Chromium at ${chromiumPath} (apt-get install chromium)` },
};

/**
 * Whether Firefox can start in the browser tier: Firefox ESR, and a network namespace of its own
 * to start in (probes/src/own-network.ts; as any other user than root, through a user namespace).
 * Not a tier's check: Chromium's tests run without it; Firefox's own take it (tests/helpers/firefox.ts).
 */
export function firefoxReadiness(): Readiness {
  if (!firefoxInstalled())
    return { ready: false, why: `no Firefox at ${firefoxPath} (apt-get install firefox-esr)` };
  const namespaces = process.getuid?.() === 0 ? ["--net"] : ["--net", "--map-root-user"];
  if (!commandWorks("unshare", [...namespaces, "true"]))
    return { ready: false, why: "cannot make a network namespace (unshare --net), which Firefox runs in" };
  return ready;
}
