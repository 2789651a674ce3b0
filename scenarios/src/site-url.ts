import { ConnlabError } from "./error.ts";

/**
 * Where the guide is published, from CONNLAB_SITE_URL (e.g. `https://example.org/connlab/`):
 * its origin becomes Astro's `site` (sitemap, canonical links) and its path Astro's `base`
 * (every link and asset). Unset, the guide is the local one `connlab start` serves at the root.
 * One home: the site's build (astro.config.ts) and `connlab start` (which serves that build
 * under the same base) both read it here; a subpath export, so neither loads the catalogue.
 */
export interface SiteLocation {
  site: string;
  base: string;
}

/** Where `connlab start` serves the guide unless told otherwise (Astro's own default port). */
export const defaultSitePort = 4321;

export const localSite: SiteLocation = { site: `http://127.0.0.1:${defaultSitePort}`, base: "/" };

export function siteLocation(value: string | undefined): SiteLocation {
  if (value === undefined || value.trim() === "") return localSite;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConnlabError(
      "bad-config",
      `CONNLAB_SITE_URL ${JSON.stringify(value)} is not a URL; give e.g. https://example.org/connlab/`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConnlabError("bad-config", `CONNLAB_SITE_URL ${JSON.stringify(value)} must be an http(s) URL`);
  }
  const base = `/${url.pathname.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  return { site: url.origin, base };
}
