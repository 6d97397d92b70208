/**
 * The B2B access token (research §3.1): POST /authorization/v1/access-token/b2b signed with the merchant's
 * RSA key over `clientId|X-TIMESTAMP`, cached until `expiresIn` minus a safety margin. Concurrent callers
 * share one request.
 */
import { type Credentials, defaultTimestamp, signRequest, TOKEN_SCHEME } from "../signatures/index.js";
import { DokuError } from "./doku-error.js";

/** DOKU's B2B token path. */
export const B2B_TOKEN_PATH = "/authorization/v1/access-token/b2b";
/** Body of the B2B token request (D-TOK-B2B). */
export const B2B_TOKEN_BODY = '{"grantType":"client_credentials"}';
/** Refetch this long before `expiresIn` runs out (SDK-PY / SDK-JAVA use 10 s). */
export const DEFAULT_TOKEN_SAFETY_MARGIN_MS = 10_000;

export interface TokenSourceOptions {
  baseUrl: string;
  credentials: Credentials;
  fetch: (request: Request) => Promise<Response>;
  now?: () => number;
  safetyMarginMs?: number;
  path?: string;
  /**
   * The token operation's id in the specs (`x-doku-role: token`), named in the DokuError of a failed token
   * request; resolved only then. Without it the error names the request line.
   */
  operationId?: () => Promise<string>;
}

/** A cached B2B token; `fetches` counts the token requests made. */
export interface TokenSource {
  get(): Promise<string>;
  invalidate(): void;
  readonly fetches: number;
}

function lifetimeMs(expiresIn: unknown): number {
  const seconds = typeof expiresIn === "string" && /^\d+$/.test(expiresIn) ? Number(expiresIn) : expiresIn;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/** A token source for `baseUrl`; a token with no usable `expiresIn` is used once and not cached. */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const now = options.now ?? Date.now;
  const margin = options.safetyMarginMs ?? DEFAULT_TOKEN_SAFETY_MARGIN_MS;
  const url = `${options.baseUrl}${options.path ?? B2B_TOKEN_PATH}`;
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let fetches = 0;

  const operationId = async () =>
    options.operationId === undefined ? `POST ${new URL(url).pathname}` : options.operationId();

  async function fetchToken(): Promise<string> {
    fetches++;
    const signed = signRequest({
      auth: TOKEN_SCHEME,
      method: "POST",
      path: new URL(url).pathname,
      body: B2B_TOKEN_BODY,
      headers: { "Content-Type": "application/json" },
      credentials: options.credentials,
      timestamp: defaultTimestamp(TOKEN_SCHEME, now()),
    });
    let response: Response;
    try {
      response = await options.fetch(
        new Request(url, { method: "POST", headers: signed.headers, body: signed.body }),
      );
    } catch (error) {
      const timeout = error instanceof Error && error.name === "TimeoutError";
      throw new DokuError({
        kind: timeout ? "timeout" : "network",
        operationId: await operationId(),
        cause: error,
        message: `${timeout ? "no answer in time from" : "cannot reach"} ${url} for a B2B token: ${(error as Error).message}`,
      });
    }
    const text = await response.text();
    let json: {
      accessToken?: unknown;
      expiresIn?: unknown;
      responseCode?: unknown;
      responseMessage?: unknown;
    } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {}
    if (!response.ok || typeof json.accessToken !== "string" || json.accessToken === "") {
      const detail = [json.responseCode, json.responseMessage].filter((v) => typeof v === "string").join(" ");
      throw new DokuError({
        kind: "response",
        operationId: await operationId(),
        status: response.status,
        body: text === "" ? undefined : Object.keys(json).length > 0 ? json : text,
        message: `B2B token request to ${url} answered ${response.status}${detail ? ` (${detail})` : ""} without an accessToken`,
      });
    }
    const lifetime = lifetimeMs(json.expiresIn);
    if (lifetime > margin) cached = { token: json.accessToken, expiresAt: now() + lifetime - margin };
    return json.accessToken;
  }

  return {
    get fetches() {
      return fetches;
    },
    invalidate() {
      cached = undefined;
    },
    async get() {
      if (cached !== undefined && now() < cached.expiresAt) return cached.token;
      cached = undefined;
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
