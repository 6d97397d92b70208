/**
 * Host canonicalisation for the production guard: two spellings of one host must compare equal. The WHATWG
 * URL parser already lower-cases, IDNA-maps (full-width letters, ToASCII), percent-decodes the host, drops
 * the default port and separates userinfo; this adds the DNS root's trailing dot(s), which the parser keeps.
 */

/** DOKU's production API host (the guard refuses data-changing runs against it). */
export const PRODUCTION_HOST = "api.doku.com";

/** The canonical host name of `url`: the parser's ASCII form without trailing dots. */
export function canonicalHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.+$/, "");
}

/** True when `url` points at DOKU production, whatever the spelling (case, dot, port, userinfo, IDNA). */
export function isProductionUrl(url: URL): boolean {
  return canonicalHost(url) === PRODUCTION_HOST;
}
