import { type Lab, setSysctl, startLab, subnet, webOnLan } from "../netns/index.ts";
import type { Setup } from "../setup.ts";

/**
 * A container's /etc/hosts as Docker writes it: `localhost` is both loopbacks, and the other
 * services of the stack have names (here `web`, the server's).
 */
const containerHosts = `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${subnet}.2\tweb\n`;

/**
 * The client and the server in network namespaces of their own, as two containers (or a
 * container and its host) are: each has its own loopback. The server listens on 0.0.0.0 in its
 * namespace; the client dials `localhost`, which is its own namespace, where nothing listens:
 * RST from its own kernel. As Docker does on a bridge network without IPv6, the client's IPv6
 * is off (every interface), so `localhost` resolves to 127.0.0.1 alone despite the ::1 line.
 * Fixed by dialling the server by its name on the network (`web`, a compose service name).
 */
async function build(lab: Lab, dial: "localhost" | "web") {
  const { target } = await webOnLan(lab, { server: 2, dialled: dial });
  lab.etcFile(target.netns, "hosts", containerHosts);
  await setSysctl(target.netns, "net.ipv6.conf.all.disable_ipv6", "1");
  return { target };
}

export const localhostInContainer: Setup = {
  name: "localhost-in-container",
  tier: "lab-root",
  describe: "the client, in a namespace of its own, dials localhost:PORT; the server is in another: RST",
  start: () => startLab((lab) => build(lab, "localhost")),
};

/** The fix: the server by its name on the shared network, as compose names a service. */
export const serviceByName: Setup = {
  name: "service-by-name",
  tier: "lab-root",
  describe: "the client dials web:PORT, the server's name on the network: connected",
  start: () => startLab((lab) => build(lab, "web")),
};
