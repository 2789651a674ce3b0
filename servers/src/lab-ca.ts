import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runDir } from "./run-dirs.ts";
import type { TrustedCa } from "./target.ts";
import { type Certificate, spkiSha256 } from "./tls-certificate.ts";

/**
 * A small private PKI made in memory for the certificate scenarios: a root CA, an intermediate
 * it signed, and a server certificate for 127.0.0.1 and localhost (and the root lab's server)
 * that the intermediate signed
 * (EC P-256 keys: milliseconds, no openssl). No client trusts the root until a setup says so;
 * nothing is committed, and only the root's certificate (never a key) is written, to a temp dir.
 */
export interface LabPki {
  readonly root: Certificate;
  readonly intermediate: Certificate;
  /** The server's own certificate (the "leaf"), issued by `intermediate`. */
  readonly leaf: Certificate;
  /** A server certificate the root signed directly, for the two-level chain. */
  readonly leafOfRoot: Certificate;
}

const dayMs = 24 * 60 * 60 * 1000;

async function issue(
  commonName: string,
  issuer: Certificate | undefined,
  kind: "ca" | "server",
): Promise<Certificate> {
  const { generate } = await import("selfsigned");
  const extensions =
    kind === "ca"
      ? [
          { name: "basicConstraints" as const, cA: true, critical: true },
          { name: "keyUsage" as const, keyCertSign: true, cRLSign: true, critical: true },
        ]
      : [
          { name: "basicConstraints" as const, cA: false },
          { name: "keyUsage" as const, digitalSignature: true, critical: true },
          { name: "extKeyUsage" as const, serverAuth: true },
          {
            name: "subjectAltName" as const,
            altNames: [
              { type: 2 as const, value: "localhost" },
              { type: 7 as const, ip: "127.0.0.1" },
              // The root lab's server behind a router (narrowPath, routedPair), served over TLS.
              { type: 7 as const, ip: "198.18.2.2" },
            ],
          },
        ];
  const pems = await generate([{ name: "commonName", value: commonName }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + dayMs),
    extensions,
    ...(issuer ? { ca: { key: issuer.key, cert: issuer.cert } } : {}),
  });
  return { key: pems.private, cert: `${pems.cert.trim()}\n` };
}

let pending: Promise<LabPki> | undefined;

/** The lab's PKI, made the first time a certificate setup starts and reused for the process. */
export function labPki(): Promise<LabPki> {
  pending ??= (async () => {
    const root = await issue("connlab lab root CA", undefined, "ca");
    const intermediate = await issue("connlab lab intermediate CA", root, "ca");
    const leaf = await issue("localhost", intermediate, "server");
    const leafOfRoot = await issue("localhost", root, "server");
    return { root, intermediate, leaf, leafOfRoot };
  })();
  return pending;
}

/** Each run's CA folder, `<tmp>/connlab-ca-<pid of the run>-XXXXXX`: removeLeftovers sweeps a dead run's. */
export const caDirPrefix = "connlab-ca-";

/**
 * Writes the CA certificate a client is told to trust (`ca.pem` in a fresh temp dir), as a
 * reader saves their company's or mkcert's CA. `keys` are the CA certificates whose keys
 * Chromium is told to accept. `remove` deletes the dir.
 */
export async function trustFile(
  ca: Pick<Certificate, "cert">,
  keys: readonly Pick<Certificate, "cert">[],
): Promise<{ trust: TrustedCa; remove: () => Promise<void> }> {
  const dir = await runDir(caDirPrefix);
  const file = join(dir, "ca.pem");
  await writeFile(file, ca.cert);
  return {
    trust: { file, spkiSha256: keys.map((k) => spkiSha256(k.cert)) },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
