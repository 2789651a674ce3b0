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
