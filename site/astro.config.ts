import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import starlight from "@astrojs/starlight";
import { defineConfig, passthroughImageService } from "astro/config";
import starlightLinksValidator from "starlight-links-validator";
import { rehypeBaseLinks } from "./src/lib/base-links.ts";
import { siteLocation } from "./src/lib/site-url.ts";
import { sidebar } from "./src/sidebar.ts";

const docs = new URL("./src/content/docs/", import.meta.url);
// CONNLAB_SITE_URL=https://example.org/connlab/ publishes the guide under that sub-path.
const { site, base } = siteLocation(process.env.CONNLAB_SITE_URL);
// What the build in dist/ was made for: `connlab start` serves it there, and builds again when
// asked for another base (the lab's own git-ignored folder, not dist/, which gets published).
const builtFor = new URL("../.connlab/site-base", import.meta.url);

export default defineConfig({
  site,
  base,
  // The pages' Markdown links name pages from the root; published under a sub-path they need it.
  markdown: { rehypePlugins: [[rehypeBaseLinks, { base }]] },
  // No raster images are processed: skip sharp entirely.
  image: { service: passthroughImageService() },
  integrations: [
    {
      name: "connlab-built-for",
      hooks: {
        "astro:build:done": ({ dir }) => {
          if (dir.href !== new URL("./dist/", import.meta.url).href) return; // a build elsewhere (--outDir)
          mkdirSync(new URL(".", builtFor), { recursive: true });
          writeFileSync(builtFor, base);
        },
      },
    },
    starlight({
      title: "connlab",
      description:
        "Por qué un cliente no puede conectar con un servidor / Why a client cannot connect to a server",
      defaultLocale: "root",
      locales: {
        root: { label: "Español", lang: "es" },
        en: { label: "English", lang: "en" },
      },
      sidebar: sidebar((path) => existsSync(new URL(path, docs))),
      customCss: ["./src/styles/connlab.css"],
      // Wrapped code never scrolls sideways, so no code block becomes a scrollable region
      // (axe's landmark-unique flags several unnamed ones on one page) and phones read it whole.
      expressiveCode: { defaultProps: { wrap: true } },
      plugins: [starlightLinksValidator({ errorOnInconsistentLocale: true })],
      lastUpdated: false,
      pagination: true,
    }),
  ],
});
