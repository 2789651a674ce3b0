import { labPki } from "../lab-ca.ts";
import type { Setup } from "../setup.ts";
import { tlsServer } from "./tls-server.ts";

/**
 * The client trusts the root, but the server sends only its own certificate, not the
 * intermediate that signed it: the client cannot link the two, "unable to verify the first
 * certificate". Browsers may fetch the missing one from the certificate's AIA URL; the lab's
 * certificates carry none and the lab has no network, so every client meets the gap.
 */
export const incompleteChain: Setup = {
  name: "incomplete-chain",
  tier: "lab",
  describe: "wss:// to 127.0.0.1:PORT, whose server sends its certificate without the intermediate",
  start: async () => {
    const { root, intermediate, leaf } = await labPki();
    return tlsServer({ key: leaf.key, certs: [leaf] }, { ca: root, keys: [root, intermediate] });
  },
};

/** The fix: the server sends the full chain, its certificate then the intermediate. */
export const completeChain: Setup = {
  name: "complete-chain",
  tier: "lab",
  describe: "the same wss:// server sending its certificate and the intermediate",
  start: async () => {
    const { root, intermediate, leaf } = await labPki();
    return tlsServer(
      { key: leaf.key, certs: [leaf, intermediate] },
      { ca: root, keys: [root, intermediate] },
    );
  },
};
