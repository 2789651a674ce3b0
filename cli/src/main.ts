#!/usr/bin/env node
import { enableCompileCache } from "node:module";

// Node keeps the compiled (and type-stripped) code of every module on disk (in the system's temp
// dir): from the second run on, start-up skips parsing ~600 files. It only ever saves time; when
// the cache cannot be written Node runs without it.
enableCompileCache();
const { run } = await import("./program.ts");

// `connlab scenarios | head`: the reader closed the pipe, which is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

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
