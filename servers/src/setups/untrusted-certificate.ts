import { labPki } from "../lab-ca.ts";
import type { Setup } from "../setup.ts";
import { tlsServer } from "./tls-server.ts";

/**
 * The server's certificate chain ends at a CA of its own (the lab's root, sent along after the
 * certificate, as many self-made setups do). The client's trust store has no such CA, so the
 * TLS handshake stops at certificate verification: "self-signed certificate in certificate chain".
 */
export const untrustedCertificate: Setup = {
  name: "untrusted-certificate",
  tier: "lab",
  describe: "wss:// to 127.0.0.1:PORT, whose certificate comes from a CA no client trusts",
  start: async () => {
    const { root, leafOfRoot } = await labPki();
    return tlsServer({ key: leafOfRoot.key, certs: [leafOfRoot, root] });
  },
};

/** The fix: the same server, and the client trusts its CA (never verification turned off). */
export const trustedCertificate: Setup = {
  name: "trusted-certificate",
  tier: "lab",
  describe: "the same wss:// server, its CA added to what the client trusts",
  start: async () => {
    const { root, leafOfRoot } = await labPki();
    return tlsServer({ key: leafOfRoot.key, certs: [leafOfRoot, root] }, { ca: root, keys: [root] });
  },
};
