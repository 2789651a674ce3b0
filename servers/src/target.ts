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
   * Root lab only: data sent once connected can vanish on the path (a black hole), so the lab
   * shortens the client namespace's retransmission limit (tcp_retries2) too, and records it.
   */
  readonly silentOnceConnected?: boolean;
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
  /**
   * The subprotocols the application asks for (`Sec-WebSocket-Protocol`, RFC 6455 §4.1), as in
   * `new WebSocket(url, ["chat"])`. WebSocket clients only; absent: none asked, the default.
   */
  readonly protocols?: readonly string[];
  /** Browsers only: the page the WebSocket is opened from, when its origin is the point. */
  readonly page?: BrowserPage;
  /**
   * Once the handshake is done, the application sends nothing for this long, then its text (one
   * that waits for the server to speak first, or has nothing to say for a while). WebSocket
   * clients only; absent: it sends at once.
   */
  readonly idleMs?: number;
  /**
   * The server is a Socket.IO app: its clients connect with `io(url)` (socket.io-client), and
   * browsers open the app's own page at `url`, which loads the client bundle the server serves.
   */
  readonly socketIo?: boolean;
  /**
   * Settings of a server on the path that are not its defaults (a proxy's shortened timer):
   * every row of the run records them, as it records a client's.
   */
  readonly serverSettings?: readonly ServerSetting[];
}

/** One non-default setting of a server on the path, as a row records it (probes' Setting). */
export interface ServerSetting {
  /** As it is written in the server's configuration (`proxy_read_timeout 3s;`) or command line. */
  readonly setting: string;
  readonly where: "proxy configuration" | "server process";
  /** What a client would see with the server's default instead (and what the run measured there). */
  readonly defaultNote: { readonly es: string; readonly en: string };
}

export interface TrustedCa {
  /** A PEM file holding the CA's certificate. */
  readonly file: string;
  /** base64 SHA-256 of the CA keys' SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list). */
  readonly spkiSha256: readonly string[];
}

/**
 * A page of the lab's own, served on loopback under a name (`https://app.connlab.test:PORT/`).
 * Each browser is told, its own way, where the name leads and to trust the page's certificate
 * alone (Chromium by launch flags, Firefox in its profile); each setting is recorded beside the row.
 */
export interface BrowserPage {
  readonly url: string;
  /** Where the page's name (and the socket's, the same host) leads: the lab serves both there. */
  readonly address: string;
  /** The page's self-signed certificate (PEM): the one certificate the browser is told to trust. */
  readonly certificate: string;
}

export interface Resolver {
  /** `127.0.0.1:PORT`, a plain DNS server over UDP. */
  readonly dns: string;
  /** `https://127.0.0.1:PORT/dns-query`, the same answers over DoH (RFC 8484), self-signed. */
  readonly doh: string;
}

export interface ProbeOptions {
  /**
   * The lab's watchdog, never a bound of the client's: a client runs with its own defaults and
   * the kernel's timers. A process or browser a client started is ended then, and the run counts
   * as failed (no row), never as a symptom.
   */
  readonly watchdogMs: number;
}
