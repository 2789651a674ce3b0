import { ConnlabError } from "@connlab/scenarios";
import { localSite, siteLocation } from "@connlab/scenarios/site-url";
import { describe, expect, it } from "vitest";

describe("siteLocation (CONNLAB_SITE_URL, read by the build and by connlab start)", () => {
  it("is the local guide at the root when unset or blank", () => {
    expect(siteLocation(undefined)).toEqual(localSite);
    expect(siteLocation("  ")).toEqual(localSite);
  });

  it("splits a project site into origin and a base with one slash at each end", () => {
    expect(siteLocation("https://127.0.0.1:8443/connlab")).toEqual({
      site: "https://127.0.0.1:8443",
      base: "/connlab/",
    });
    expect(siteLocation("https://127.0.0.1:8443//connlab//")).toEqual({
      site: "https://127.0.0.1:8443",
      base: "/connlab/",
    });
    expect(siteLocation("http://127.0.0.1:8080/")).toEqual({ site: "http://127.0.0.1:8080", base: "/" });
  });

  it("turns a value that is no http(s) URL into one bad-config line", () => {
    expect(() => siteLocation("127.0.0.1/connlab")).toThrow(
      expect.objectContaining({
        constructor: ConnlabError,
        code: "bad-config",
        exitStatus: 1,
        message: expect.stringMatching(
          /^CONNLAB_SITE_URL "127\.0\.0\.1\/connlab" is not a URL; give e\.g\. /,
        ),
      }),
    );
    expect(() => siteLocation("ftp://127.0.0.1/")).toThrow(
      expect.objectContaining({
        code: "bad-config",
        message: 'CONNLAB_SITE_URL "ftp://127.0.0.1/" must be an http(s) URL',
      }),
    );
  });
});
