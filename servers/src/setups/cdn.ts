import { type Lab, lan, serve, startLab, subnet } from "../netns/index.ts";
import type { Setup } from "../setup.ts";

/**
 * app.connlab.test resolves (client's /etc/hosts) to a CDN-like front 198.18.0.3 that serves
 * HTTP on port 80 only; the origin 198.18.0.2 serves the app's port. The client's SYN to the
 * app's port reaches the CDN host, where nothing listens: RST, ECONNREFUSED.
 */
async function build(lab: Lab, viaCdn: boolean) {
  const hosts = await lan(lab, [
    { role: "client", host: 1 },
    { role: "origin", host: 2 },
    { role: "cdn", host: 3 },
  ]);
  const client = hosts.client ?? "";
  await serve(lab, hosts.cdn ?? "", "web", { port: 80 });
  const port = await serve(lab, hosts.origin ?? "", "web");
  lab.etcFile(client, "hosts", `127.0.0.1 localhost\n${subnet}.${viaCdn ? 3 : 2} app.connlab.test\n`);
  return { target: { url: `http://app.connlab.test:${port}/`, netns: client } };
}

export const cdnFront: Setup = {
  name: "cdn-front",
  tier: "lab-root",
  describe: "app.connlab.test points at a CDN front (198.18.0.3) that serves port 80 only: RST",
  start: () => startLab((lab) => build(lab, true)),
};

/** The fix: the name points at the origin (DNS only, no CDN) for the app's port. */
export const cdnBypass: Setup = {
  name: "cdn-bypass",
  tier: "lab-root",
  describe: "app.connlab.test points at the origin 198.18.0.2: the handshake completes",
  start: () => startLab((lab) => build(lab, false)),
};
