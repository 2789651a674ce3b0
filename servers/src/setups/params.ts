import { z } from "zod";

/** A setup's params, checked before anything listens; the error is one line naming the setup. */
export function parseParams<T extends z.ZodType>(setup: string, schema: T, params: unknown): z.output<T> {
  const result = schema.safeParse(params);
  if (!result.success) {
    throw new Error(`setup "${setup}": ${z.prettifyError(result.error).replaceAll("\n", " ")}`);
  }
  return result.data;
}
