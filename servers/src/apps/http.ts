import Fastify from "fastify";

export interface Listening {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The healthy HTTP server: fastify answering `GET /` with 200 "hello". Faults decide where it
 * listens; the app itself is never broken.
 */
export async function startHttp(options: { host: string; port?: number }): Promise<Listening> {
  const app = Fastify({ logger: false });
  app.get("/", async () => "hello\n");
  await app.listen({ host: options.host, port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("fastify did not report a TCP port");
  return { host: options.host, port: address.port, close: () => app.close() };
}
