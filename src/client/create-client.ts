/**
 * createDokuClient: a typed openapi-fetch client for DOKU (generic in the generated `paths` type) with
 * request signing by x-doku-auth and a cached B2B token. src/ never imports generated/; callers pass it in.
 */
import createClient, { type Client } from "openapi-fetch";
import type { Credentials } from "../signatures/index.js";
import { type BaseUrlPreset, resolveBaseUrl } from "./base-url.js";
import { type AuthResolver, type AuthTable, authFromTable, signingMiddleware } from "./signing-middleware.js";
import { createTokenSource, type TokenSource } from "./token-source.js";
import type { Unsigned } from "./unsigned.js";

export interface DokuClientOptions {
  /** "sandbox", "production" or any http(s) URL (e.g. the embedded mock). */
  baseUrl: BaseUrlPreset | string;
  /** clientId, secretKey (SNAP clientSecret / non-SNAP Secret Key), privateKey (for the B2B token). */
  credentials: Credentials;
  /** Which x-doku-auth each operation uses: a resolver, or a table "METHOD /path/{template}" -> scheme. */
  auth: AuthResolver | AuthTable;
  /** Transport (default globalThis.fetch); used for the token request too. */
  fetch?: (request: Request) => Promise<Response>;
  /** Clock (epoch ms) for timestamps and token expiry. */
  now?: () => number;
  /** Refetch the B2B token this long before it expires (default 10 s). */
  tokenSafetyMarginMs?: number;
  requestId?: () => string;
  onSigned?: (request: Request) => void;
}

/** The typed client and its token source (for inspection and invalidation). */
export interface DokuClient<Paths extends {}> {
  client: Client<Unsigned<Paths>>;
  tokens: TokenSource;
  baseUrl: string;
}

/** A client whose every request is signed as its operation requires. */
export function createDokuClient<Paths extends {}>(options: DokuClientOptions): DokuClient<Paths> {
  const baseUrl = resolveBaseUrl(options.baseUrl);
  const fetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const now = options.now ?? Date.now;
  const tokens = createTokenSource({
    baseUrl,
    credentials: options.credentials,
    fetch,
    now,
    ...(options.tokenSafetyMarginMs === undefined ? {} : { safetyMarginMs: options.tokenSafetyMarginMs }),
  });
  const auth = typeof options.auth === "function" ? options.auth : authFromTable(options.auth);
  const client = createClient<Unsigned<Paths>>({ baseUrl, fetch });
  client.use(
    signingMiddleware({
      auth,
      credentials: options.credentials,
      tokens,
      now,
      ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
      ...(options.onSigned === undefined ? {} : { onSigned: options.onSigned }),
    }),
  );
  return { client, tokens, baseUrl };
}
