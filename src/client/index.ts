/** The typed DOKU client: base URLs, signing middleware, B2B token cache, header redaction. */

export type { BaseUrlPreset } from "./base-url.js";
export { BASE_URLS, resolveBaseUrl } from "./base-url.js";
export type { DokuClient, DokuClientOptions } from "./create-client.js";
export { createDokuClient } from "./create-client.js";
export { redactHeaders } from "./redact.js";
export type { AuthResolver, AuthTable, SigningMiddlewareOptions } from "./signing-middleware.js";
export { authFromTable, signingMiddleware } from "./signing-middleware.js";
export type { TokenSource, TokenSourceOptions } from "./token-source.js";
export {
  B2B_TOKEN_BODY,
  B2B_TOKEN_PATH,
  createTokenSource,
  DEFAULT_TOKEN_SAFETY_MARGIN_MS,
} from "./token-source.js";
export type { SignatureHeaderName, Unsigned } from "./unsigned.js";
