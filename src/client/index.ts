/** The typed DOKU client: base URLs, operation middleware, header filling, B2B token cache, errors, redaction. */

export type { BaseUrlPreset } from "./base-url.js";
export { BASE_URLS, resolveBaseUrl } from "./base-url.js";
export type { DokuClient, DokuClientOptions, TypedClientOptions } from "./create-client.js";
export { createTypedClient, DEFAULT_TIMEOUT_MS } from "./create-client.js";
export type { DokuErrorInit, DokuErrorKind, ResponseCodeParts } from "./doku-error.js";
export { DokuError, parseResponseCode } from "./doku-error.js";
export type { FilledHeaders, FillValues } from "./fill-headers.js";
export { createExternalIds, END_USER_HEADERS, fillHeaders } from "./fill-headers.js";
export type { ClientBundle, OperationMiddlewareOptions, ValidateCalls } from "./operation-middleware.js";
export { findOperation, operationMiddleware } from "./operation-middleware.js";
export { redactHeaders } from "./redact.js";
export type { TokenSource, TokenSourceOptions } from "./token-source.js";
export {
  B2B_TOKEN_BODY,
  B2B_TOKEN_PATH,
  createTokenSource,
  DEFAULT_TOKEN_SAFETY_MARGIN_MS,
} from "./token-source.js";
export type { FilledHeaderName, Prefilled, SignatureHeaderName, Unsigned } from "./unsigned.js";
