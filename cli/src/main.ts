// The CLI's body; its entry is ../bin/connlab.js, which turns Node's compile cache on first.
import { run } from "./program.ts";

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
