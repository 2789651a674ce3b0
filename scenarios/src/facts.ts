/**
 * Facts about the scenarios that several packages act on, kept once: the lab, the docker stack,
 * the workshop and the tests read them here.
 */

/**
 * Where the small client port ranges of the addrnotavail scenarios start
 * (net.ipv4.ip_local_port_range = "40000 40000+size-1").
 */
export const portRangeStart = 40_000;

/** A client port range of `size` ports from portRangeStart, as sysctl writes it. */
export function smallPortRange(size: number): string {
  return `${portRangeStart} ${portRangeStart + size - 1}`;
}

/**
 * The one image of the compose stack (docker/Dockerfile, target `lab`); CONNLAB_IMAGE names
 * another tag, so two checkouts on one dockerd do not overwrite each other's. The stack runs
 * it, and `connlab record` starts its docker-only scenarios' containers from it.
 */
export const labImage = "connlab-lab:local";
