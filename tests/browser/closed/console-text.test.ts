import { closeChromium, closeFirefox, reproducibleHere } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { afterAll, describe } from "vitest";
import { browserRowsOf } from "../../helpers/firefox.ts";

// The browsers' rows for "closed after connect" through the reproduce() the CLI runs (Firefox in
// a network namespace of its own, with its own nginx): broken, the page's socket closes with
// 1006 after about the proxy's limit and neither browser logs a console line; fixed, the server's
// pings keep it open, and the text the page sends after the silence gets its echo.
// (Docker's published port to a loopback app is the docker tier's, Chromium's row included:
// tests/docker/published-loopback.test.ts and browser.test.ts.)
const closed = scenarios.filter((s) => s.category === "closed" && reproducibleHere(s));

describe("closed after connect, in the browsers", () => {
  afterAll(() => Promise.all([closeChromium(), closeFirefox()]));

  browserRowsOf(closed);
});
