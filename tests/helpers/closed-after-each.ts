import { setups } from "@connlab/servers";
import { afterEach } from "vitest";

interface Closable {
  close(): Promise<void>;
}

/**
 * For a test file that starts loopback servers: returns `keep`, which awaits a server, and
 * closes every kept one after each test, so no listener outlives the test that opened it.
 */
export function closedAfterEach(): <T extends Closable>(server: T | Promise<T>) => Promise<T> {
  const started: Closable[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  });
  return async (server) => {
    const s = await server;
    started.push(s);
    return s;
  };
}

/**
 * For a test file that starts the catalogue's setups by name: returns `start`, which starts one
 * and gives its target's URL; each is closed after its test, like `keep`'s servers.
 */
export function setupsClosedAfterEach(): (name: string) => Promise<string> {
  const keep = closedAfterEach();
  return async (name) => {
    const setup = setups.get(name);
    if (!setup) throw new Error(`no setup ${name}`);
    return (await keep(setup.start({}))).target.url;
  };
}
