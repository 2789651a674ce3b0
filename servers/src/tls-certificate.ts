import { createHash, X509Certificate } from "node:crypto";

export interface Certificate {
  readonly key: string;
  readonly cert: string;
}

let pending: Promise<Certificate> | undefined;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made in memory the first time a TLS
 * setup starts (an EC P-256 key: milliseconds, no openssl needed) and reused for the process.
 * Nothing is written to disk, so no key is ever committed; clients in the lab skip verification.
 */
export function selfSignedCertificate(): Promise<Certificate> {
  // Imported on first use: the X.509 code is large and only TLS setups need it.
  pending ??= import("selfsigned")
    .then(({ generate }) =>
      generate([{ name: "commonName", value: "connlab" }], {
        keyType: "ec",
        curve: "P-256",
        algorithm: "sha256",
        notAfterDate: new Date(Date.now() + 24 * 60 * 60 * 1000),
        extensions: [
          {
            name: "subjectAltName",
            altNames: [
              { type: 2, value: "localhost" },
              { type: 7, ip: "127.0.0.1" },
            ],
          },
        ],
      }),
    )
    .then((pems) => ({ key: pems.private, cert: pems.cert }));
  return pending;
}

/** The name the lab's own site goes by where its origin matters (policy scenarios). */
export const labSiteName = "app.connlab.test";

let pendingSite: Promise<Certificate> | undefined;

/**
 * A certificate for app.connlab.test (a reserved .test name, RFC 6761: no lookup leaves the
 * machine), made in memory like the one above. A browser is told to trust it alone (target.ts,
 * BrowserPage): it verifies every other certificate as usual.
 */
export function labSiteCertificate(): Promise<Certificate> {
  pendingSite ??= import("selfsigned")
    .then(({ generate }) =>
      generate([{ name: "commonName", value: labSiteName }], {
        keyType: "ec",
        curve: "P-256",
        algorithm: "sha256",
        notAfterDate: new Date(Date.now() + 24 * 60 * 60 * 1000),
        extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: labSiteName }] }],
      }),
    )
    .then((pems) => ({ key: pems.private, cert: pems.cert }));
  return pendingSite;
}

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo: how Chromium names a key. */
export function spkiSha256(pem: string): string {
  const der = new X509Certificate(pem).publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("base64");
}
