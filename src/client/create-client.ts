/**
 * The engine's typed client: openapi-fetch over the generated `paths` type (the generic), with every call
 * resolved to its operation in the operation table (signature scheme, headers, validators). src/ never
 * imports generated/: the package entry (conformance/client.ts) passes the bundle and fixes the generic,
 * which gives users `createDokuClient({ baseUrl, credentials })`.
 */
import createClient, { type Client } from "openapi-fetch";
import type { Credentials } from "../signatures/index.js";
import { type BaseUrlPreset, resolveBaseUrl } from "./base-url.js";
import { createExternalIds, defaultRequestId } from "./fill-headers.js";
import { type ClientBundle, operationMiddleware, type ValidateCalls } from "./operation-middleware.js";
import { B2B_TOKEN_PATH, createTokenSource, type TokenSource } from "./token-source.js";
import type { Prefilled } from "./unsigned.js";

/** Default time a request (and the B2B token request) may take before it fails with a timeout DokuError. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface DokuClientOptions {
  /** "sandbox", "production" or any http(s) URL (e.g. the embedded mock). */
  baseUrl: BaseUrlPreset | string;
  /** clientId, secretKey (SNAP clientSecret / non-SNAP Secret Key), privateKey (for the B2B token). */
  credentials: Credentials;
  /** X-DEVICE-ID where an operation declares it (the end user's device; DANA / ShopeePay payment and refund). */
  deviceId?: string;
  /** X-IP-ADDRESS where an operation declares it (the end user's IPv4 address). */
  ipAddress?: string;
  /** Validate requests before sending and answers after, with the spec's validators; both off by default. */
  validate?: ValidateCalls;
  /** Milliseconds before a request fails with a timeout DokuError (default 30 000); per call: `signal`. */
  timeoutMs?: number;
  /** Transport (default globalThis.fetch); used for the token request too. */
  fetch?: (request: Request) => Promise<Response>;
  /** Clock (epoch ms) for timestamps, X-EXTERNAL-ID and token expiry. */
  now?: () => number;
  /** Refetch the B2B token this long before it expires (default 10 s). */
  tokenSafetyMarginMs?: number;
  /** Non-SNAP Request-Id for calls that give none (default: a random UUID). */
  requestId?: () => string;
  /** SNAP X-EXTERNAL-ID for calls that give none (default: 20 digits, unique per day). */
  externalId?: () => string;
  /** Sees each signed request; pass headers through redactHeaders before printing them. */
  onSigned?: (request: Request) => void;
}

/** Engine options: the operation table and validators, given or loaded on the first call. */
export interface TypedClientOptions extends DokuClientOptions {
  bundle: ClientBundle | (() => Promise<ClientBundle>);
}

/** The typed client and its token source (for inspection and invalidation). */
export interface DokuClient<Paths extends {}> {
  client: Client<Prefilled<Paths>>;
  tokens: TokenSource;
  baseUrl: string;
}

/** `fetch` with a deadline, combined with the caller's own signal. */
function withTimeout(
  fetch: (request: Request) => Promise<Response>,
  timeoutMs: number,
): (request: Request) => Promise<Response> {
  return (request) =>
    fetch(
      new Request(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) }),
    );
}

/** The id of the bundle's token request (`x-doku-role: token` on a path), or its request line when none. */
function tokenOperationId(operations: ClientBundle["operations"]): string {
  const op = operations.find((o) => o.kind === "path" && o.role === "token");
  return op?.id ?? `POST ${B2B_TOKEN_PATH}`;
}

/** A client whose every call is signed, filled and (optionally) validated as its operation requires. */
export function createTypedClient<Paths extends {}>(options: TypedClientOptions): DokuClient<Paths> {
  const baseUrl = resolveBaseUrl(options.baseUrl);
  const base = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const fetch = withTimeout(base, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const now = options.now ?? Date.now;
  let loaded: Promise<ClientBundle> | undefined;
  const bundle = () => {
    const given = options.bundle;
    loaded ??= typeof given === "function" ? given() : Promise.resolve(given);
    return loaded;
  };
  const tokens = createTokenSource({
    baseUrl,
    credentials: options.credentials,
    fetch,
    now,
    // The token request's name comes from the specs: the path operation with x-doku-role: token.
    operationId: async () => tokenOperationId((await bundle()).operations),
    ...(options.tokenSafetyMarginMs === undefined ? {} : { safetyMarginMs: options.tokenSafetyMarginMs }),
  });
  const client = createClient<Prefilled<Paths>>({ baseUrl, fetch });
  client.use(
    operationMiddleware({
      bundle,
      credentials: options.credentials,
      tokens,
      fetch,
      now,
      validate: options.validate ?? {},
      fill: {
        clientId: options.credentials.clientId,
        externalId: options.externalId ?? createExternalIds(now),
        requestId: options.requestId ?? defaultRequestId,
        ...(options.deviceId === undefined ? {} : { deviceId: options.deviceId }),
        ...(options.ipAddress === undefined ? {} : { ipAddress: options.ipAddress }),
      },
      ...(options.onSigned === undefined ? {} : { onSigned: options.onSigned }),
    }),
  );
  return { client, tokens, baseUrl };
}
