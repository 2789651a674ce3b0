#!/usr/bin/env node
import { run } from "./program.ts";

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  // A bug of ours, not the user's: still one line, with the way to get the stack.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`connlab: internal error: ${message}\n`);
  if (process.env.CONNLAB_DEBUG) console.error(error);
  else process.stderr.write("connlab: run again with CONNLAB_DEBUG=1 for details\n");
  process.exitCode = 70;
}
