import { type Lab, lan, serve, startLab, subnet } from "../netns/index.ts";
import type { Setup } from "../setup.ts";

/**
 * The client resolves app.connlab.test through the lab's DNS server (198.18.0.53, set in its
 * resolv.conf). Broken, the record points at 198.18.0.3, an old address nobody has any more:
 * ARP goes unanswered and the client times out. Fixed, it points at the server, 198.18.0.2.
 */
export async function labDns(lab: Lab, address: string) {
  const hosts = await lan(lab, [
    { role: "client", host: 1 },
    { role: "server", host: 2 },
    { role: "dns", host: 53 },
    // An old server that still exists but no longer serves the app: refused-dns-wrong-ip.
    { role: "old", host: 4 },
  ]);
  const client = hosts.client ?? "";
  await serve(lab, hosts.dns ?? "", "dns", { port: 53, records: { "app.connlab.test": address } });
  const port = await serve(lab, hosts.server ?? "", "web");
  lab.etcFile(client, "resolv.conf", `nameserver ${subnet}.53\noptions timeout:1 attempts:1\n`);
  lab.etcFile(client, "hosts", "127.0.0.1 localhost\n");
  return { target: { url: `http://app.connlab.test:${port}/`, netns: client } };
}

export const dnsWrongAnswerSilent: Setup = {
  name: "dns-wrong-answer-silent",
  tier: "lab-root",
  describe: "the lab's DNS answers app.connlab.test with 198.18.0.3, where nobody answers: timeout",
  start: () => startLab((lab) => labDns(lab, `${subnet}.3`)),
};

export const dnsAnswerFixed: Setup = {
  name: "dns-answer-fixed",
  tier: "lab-root",
  describe: "the lab's DNS answers app.connlab.test with the server's 198.18.0.2: connected",
  start: () => startLab((lab) => labDns(lab, `${subnet}.2`)),
};
