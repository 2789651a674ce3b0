/**
 * Where a client connects, as the lab hands it over. Clients read only this: the lab decides
 * which address, port, namespace and environment make the scenario happen.
 */
export interface Target {
  /** The URL a user would type: http://, https://, ws://, wss:// or tcp://host:port. */
  readonly url: string;
  /** Extra environment for the client (HTTP_PROXY for the proxy scenario, …). */
  readonly env?: Readonly<Record<string, string>>;
  /** Root lab only: the network namespace the client must run in. */
  readonly netns?: string;
}

export interface ProbeOptions {
  /** Upper bound for the whole attempt: connect, handshake, one message. */
  readonly timeoutMs: number;
}
