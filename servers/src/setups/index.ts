import type { Setup } from "../setup.ts";
import { noListener } from "./no-listener.ts";
import { startServer } from "./start-server.ts";

/** Every setup, by the name scenarios give in `fault` and `fix.apply`. */
export const setups: ReadonlyMap<string, Setup> = new Map(
  [noListener, startServer].map((setup) => [setup.name, setup]),
);
