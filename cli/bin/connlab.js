#!/usr/bin/env node
// The `connlab` command. Plain JavaScript on purpose: Node strips a .ts entry's types with a
// WebAssembly compiler it must first load (~0.2 s of CPU on every run), before any code of ours
// could turn the compile cache on. From here, the cache is on before the first .ts file loads:
// from the second run on, every module's stripped and compiled code comes from disk (the system's
// temp dir), and the stripper is never loaded. When the cache cannot be written Node runs without it.
import { enableCompileCache } from "node:module";

enableCompileCache();
await import("../src/main.ts");
