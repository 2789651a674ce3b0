import { z } from "zod";

/** A setup's params, checked before anything listens; the error is one line naming the setup. */
export function parseParams<T extends z.ZodType>(setup: string, schema: T, params: unknown): z.output<T> {
  const result = schema.safeParse(params);
  if (!result.success) {
    throw new Error(`setup "${setup}": ${z.prettifyError(result.error).replaceAll("\n", " ")}`);
  }
  return result.data;
}

/**
 * The `port` param: a fixed port for the server instead of one the kernel picks, as the
 * workshop's exercises document theirs. Absent: port 0.
 */
export function fixedPort(params: Readonly<Record<string, unknown>>): { port?: number } {
  if (params.port === undefined) return {};
  const port = Number(params.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error("port must be 1…65535");
  return { port };
}
