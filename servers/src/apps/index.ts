import { type Listening, startHttp } from "./http.ts";
import { startNet } from "./net.ts";
import { startWeb } from "./web.ts";
import { startWs } from "./ws.ts";

/** The healthy apps by the name the serve scripts take (`--app http|ws|net`). */
export const apps: Readonly<Record<string, (options: { host: string; port: number }) => Promise<Listening>>> =
  {
    http: startHttp,
    ws: startWs,
    net: startNet,
    web: startWeb,
  };
