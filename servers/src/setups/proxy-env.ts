/**
 * The proxy variables as users usually export them: both spellings, because curl reads only
 * the lower-case `http_proxy` (it ignores HTTP_PROXY, a CGI hazard: httpoxy), while Node reads
 * either, and only when the program opted in with NODE_USE_ENV_PROXY=1 (Node >= 24.5).
 */
export function proxyEnv(proxyUrl: string): Record<string, string> {
  return {
    http_proxy: proxyUrl,
    HTTP_PROXY: proxyUrl,
    https_proxy: proxyUrl,
    HTTPS_PROXY: proxyUrl,
    NODE_USE_ENV_PROXY: "1",
  };
}
