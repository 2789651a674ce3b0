/**
 * Where a client connects, as the lab hands it over. Clients read only this: the lab decides
 * which address, port, namespace, environment and resolver make the scenario happen.
 */
export interface Target {
  /** The URL a user would type: http://, https://, ws://, wss:// or tcp://host:port. */
  readonly url: string;
  /** Extra environment for the client (HTTP_PROXY for the proxy scenario, …). */
  readonly env?: Readonly<Record<string, string>>;
  /** Root lab only: the network namespace the client must run in. */
  readonly netns?: string;
  /**
   * The lab's own DNS server, standing in for the machine's resolver: clients resolve every name
   * through it (Node clients over UDP, curl over DNS-over-HTTPS). Rootless lab only.
   */
  readonly resolver?: Resolver;
  /**
   * A certificate authority the client trusts on top of its defaults, the way a user adds one
   * (NODE_EXTRA_CA_CERTS, curl --cacert, Chromium told the CA's key). Absent: defaults only.
   */
  readonly trust?: TrustedCa;
}

export interface TrustedCa {
  /** A PEM file holding the CA's certificate. */
  readonly file: string;
  /** base64 SHA-256 of the CA keys' SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list). */
  readonly spkiSha256: readonly string[];
}

export interface Resolver {
  /** `127.0.0.1:PORT`, a plain DNS server over UDP. */
  readonly dns: string;
  /** `https://127.0.0.1:PORT/dns-query`, the same answers over DoH (RFC 8484), self-signed. */
  readonly doh: string;
}

export interface ProbeOptions {
  /** Upper bound for the whole attempt: connect, handshake, one message. */
  readonly timeoutMs: number;
}
