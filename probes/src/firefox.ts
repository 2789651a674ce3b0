import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { labPrefix } from "@connlab/servers";
import type { Browser } from "puppeteer-core";
import type { Setting } from "./observation.ts";

/** Debian's Firefox ESR; puppeteer-core downloads no browser of its own. */
export const firefoxPath = process.env.CONNLAB_FIREFOX ?? "/usr/bin/firefox-esr";

/** Whether firefoxPath is there to run (the browser tier's preflight). */
export function firefoxInstalled(): boolean {
  try {
    accessSync(firefoxPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Preferences that switch off every service Firefox contacts by itself, on top of the ones
 * puppeteer-core writes into each fresh profile (Safe Browsing lists, updates, health report,
 * Remote Settings, Normandy; see @puppeteer/browsers' defaultProfilePreferences). None of them
 * touches how a page's WebSocket connects; they are still settings, recorded as such.
 */
export const firefoxPrefs: Readonly<Record<string, string | number | boolean>> = {
  // Captive-portal and connectivity checks: GETs to detectportal.firefox.com at start-up.
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  // DNS over HTTPS stays off ("off by choice"): names resolve as the system resolver says.
  "network.trr.mode": 5,
  // No speculative work: predictor, link prefetch, DNS prefetch.
  "network.predictor.enabled": false,
  "network.prefetch-next": false,
  "network.dns.disablePrefetch": true,
  // Region lookup (location.services.mozilla.com) and the search-engine geo lookup.
  "browser.region.network.url": "",
  "browser.region.update.enabled": false,
  "browser.search.geoip.url": "",
  "geo.provider.network.url": "",
  // Telemetry, pings and studies.
  "toolkit.telemetry.enabled": false,
  "toolkit.telemetry.unified": false,
  "toolkit.telemetry.server": "",
  "toolkit.telemetry.archive.enabled": false,
  "browser.ping-centre.telemetry": false,
  "app.normandy.enabled": false,
  "app.shield.optoutstudies.enabled": false,
  "messaging-system.rsexperimentloader.enabled": false,
  "nimbus.profilesdatastoreservice.enabled": false,
  // Web Push keeps a WebSocket open to push.services.mozilla.com.
  "dom.push.enabled": false,
  "dom.push.connection.enabled": false,
  "dom.push.serverURL": "",
  // Safe Browsing list updates and the blocklist, CRLite and intermediate-certificate downloads.
  "browser.safebrowsing.update.enabled": false,
  "browser.safebrowsing.provider.mozilla.updateURL": "",
  "browser.safebrowsing.provider.google4.updateURL": "",
  "extensions.blocklist.enabled": false,
  "security.remote_settings.crlite_filters.enabled": false,
  "security.remote_settings.intermediates.enabled": false,
  // OCSP would ask the certificate's responder; the lab's certificates name none anyway.
  "security.OCSP.enabled": 0,
  // Add-on, plugin and system add-on updates; Firefox accounts; new-tab content.
  "extensions.systemAddon.update.enabled": false,
  "media.gmp-gmpopenh264.enabled": false,
  "identity.fxaccounts.enabled": false,
  "browser.newtabpage.activity-stream.feeds.topsites": false,
  "browser.topsites.contile.enabled": false,
  "browser.newtabpage.activity-stream.feeds.snippets": false,
};

/**
 * A release build ignores `services.settings.server` (which puppeteer-core points at a data:
 * URL) unless this is set, and syncs Remote Settings from firefox.settings.services.mozilla.com
 * shortly after start-up: the no-packet test (tests/browser/firefox/) caught its DNS queries.
 */
export const firefoxEnv: Readonly<Record<string, string>> = { MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" };

/** What a Firefox of one probe's own is told on top of firefoxPrefs; the client records each. */
export interface FirefoxExtras {
  /** Certificates (PEM) its profile's store trusts as anchors, as `certutil -A -t C,,` adds one. */
  readonly trusted?: readonly string[];
  /** Preferences for this target alone (network.dns.forceResolve). */
  readonly prefs?: Readonly<Record<string, string>>;
}

/**
 * A fresh profile whose NSS store (cert9.db) trusts the given certificates as anchors: what
 * `certutil`, or Settings › Certificates › Import, does to a user's profile. Firefox reads the
 * store at start-up only, so the profile is made before the launch.
 */
async function profileTrusting(certificates: readonly string[]): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), "connlab-firefox-"));
  const certutil = (args: string[]) => promisify(execFile)("certutil", ["-d", `sql:${profile}`, ...args]);
  try {
    await certutil(["-N", "--empty-password"]);
    for (const [index, pem] of certificates.entries()) {
      const file = join(profile, `trusted-${index}.pem`);
      await writeFile(file, pem);
      await certutil(["-A", "-n", `connlab-${index}`, "-t", "C,,", "-i", file]);
    }
    return profile;
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error("certutil is missing: install libnss3-tools (scripts/install-system.sh does)");
    throw error;
  }
}

/**
 * Firefox ESR driven over WebDriver BiDi by puppeteer-core: it speaks BiDi to stock Firefox
 * (Playwright drives only its own patched Firefox build, which we never download), is
 * maintained by the Chrome DevTools team with Mozilla, and reports console entries, page errors
 * and network events (a failed request carries Firefox's internal error name). `env`: the
 * environment it runs with, the target's own (probeEnv). A profile of its own (certificates to
 * trust) goes when the browser does: close it with quitFirefox.
 */
export async function launchFirefox(
  env: Readonly<Record<string, string | undefined>> = process.env,
  extras: FirefoxExtras = {},
): Promise<Browser> {
  // Loaded on first launch only: the CLI imports this module for every run, few start Firefox.
  const { default: puppeteer } = await import("puppeteer-core");
  const profile = extras.trusted?.length ? await profileTrusting(extras.trusted) : undefined;
  try {
    const browser = await puppeteer.launch({
      browser: "firefox",
      protocol: "webDriverBiDi",
      executablePath: firefoxPath,
      headless: true,
      extraPrefsFirefox: { ...firefoxPrefs, ...extras.prefs },
      env: { ...env, ...firefoxEnv },
      ...(profile ? { userDataDir: profile } : {}),
      // Firefox takes seconds to start; on a busy 2-core machine, over thirty.
      timeout: 90_000,
    });
    if (profile) profiles.set(browser, profile);
    return browser;
  } catch (error) {
    if (profile) await removeProfile(profile);
    throw error;
  }
}

/** The profiles this process made, by browser: removed once their browser has exited. */
const profiles = new WeakMap<Browser, string>();

function removeProfile(profile: string): Promise<void> {
  // Firefox writes into its profile until it exits; a few retries cover a late write.
  return rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
}

/** Closes a browser launchFirefox started, then removes the profile it was given, if any. */
export async function quitFirefox(browser: Browser): Promise<void> {
  await browser.close().catch(() => {});
  const profile = profiles.get(browser);
  if (profile) await removeProfile(profile);
}

/** Interface names in this process's network namespace (not sysfs, which is the mount's). */
async function interfaces(): Promise<string[]> {
  const table = await readFile("/proc/self/net/dev", "utf8");
  return table
    .split("\n")
    .slice(2)
    .map((line) => line.split(":")[0]?.trim() ?? "")
    .filter(Boolean);
}

/**
 * Where this process may reach, when that is nothing but the lab: a network namespace of its
 * own with loopback only (own-network.ts; the rootless lab's servers run inside it too), or a
 * namespace the root lab created (loopback and the lab's veths, which lead only to other lab
 * namespaces). Undefined anywhere else, e.g. the host's namespace, where a missed preference
 * could reach the Internet: Firefox never starts there.
 */
export async function networkIsolation(): Promise<string | undefined> {
  if ((await interfaces()).every((name) => name === "lo")) return "own network namespace: loopback only";
  const identified = await promisify(execFile)("ip", ["netns", "identify", String(process.pid)]).catch(
    () => ({ stdout: "" }),
  );
  const name = identified.stdout.trim();
  if (name.startsWith(labPrefix)) return "the lab's client namespace: loopback and the lab's links only";
  return undefined;
}

/** What Firefox ran with that a user's Firefox does not: recorded with every observation. */
export function firefoxSettings(isolation: string): Setting[] {
  return [
    {
      setting: "--headless",
      where: "command line",
      defaultNote: {
        es: "Con ventana, la página hace lo mismo; la línea de error, cuando la hay, sale en su consola web (Ctrl+Mayús+K).",
        en: "With a window the page does the same; an error line, where there is one, shows in its Web Console (Ctrl+Shift+K).",
      },
    },
    {
      setting: `user.js: puppeteer-core's profile + ${Object.keys(firefoxPrefs).length} preferences`,
      where: "browser profile",
      defaultNote: {
        es: "Apagan las conexiones propias de Firefox (telemetría, actualizaciones, portal cautivo, Safe Browsing, push, DNS sobre HTTPS); el WebSocket de la página se conecta igual sin ellas.",
        en: "They switch off Firefox's own connections (telemetry, updates, captive portal, Safe Browsing, push, DNS over HTTPS); the page's WebSocket connects the same without them.",
      },
    },
    ...Object.entries(firefoxEnv).map(([key, value]) => ({
      setting: `${key}=${value}`,
      where: "environment" as const,
      defaultNote: {
        es: "Hace que Firefox respete la preferencia que deja apagada la sincronización de Remote Settings; el WebSocket de la página se conecta igual sin ella.",
        en: "Makes Firefox honour the preference that keeps Remote Settings from syncing; the page's WebSocket connects the same without it.",
      },
    })),
    {
      setting: isolation,
      where: "client namespace",
      defaultNote: {
        es: "Solo encierra a Firefox: llega al servidor del laboratorio igual que sin él, y a nada más.",
        en: "It only fences Firefox in: it reaches the lab's server as it would without it, and nothing else.",
      },
    },
  ];
}
