/**
 * verifyDokuCallback: the merchant's side of a DOKU call, over the raw bytes received. Runs the signature
 * layer's verifier for the scheme (src/signatures: exact constant-time comparison, timestamp window), and
 * adds what a receiver must refuse besides: a signed header delivered twice, a bearer token the merchant did
 * not issue, a body that is not UTF-8 JSON. Bad input is an answer (`ok: false` with the HTTP status to send),
 * never a throw; kit misuse (a missing credential, a parsed object passed as rawBody) is a UsageError.
 */
import type { KeyObject } from "node:crypto";
import { KitError, UsageError } from "../model/errors.js";
import { headerValue, headerValues } from "../signatures/headers.js";
import { asPublicKey } from "../signatures/keys.js";
import { verifyRequest } from "../signatures/request-verifier.js";
import { SCHEMES } from "../signatures/schemes.js";
import { checkTimestamp, DEFAULT_MAX_SKEW_MS } from "../signatures/timestamp.js";
import type { HeaderBag, VerifyOptions, VerifyRule } from "../signatures/types.js";
import { isReceiverScheme, RECEIVER_SCHEMES, type ReceiverScheme } from "./scheme.js";

/** The merchant's keys: its DOKU client id, its Secret Key (HMAC schemes), DOKU's public key (RSA schemes). */
export interface ReceiverCredentials {
  /** The merchant's DOKU client id: Client-Id (non-SNAP), X-CLIENT-KEY (token request). */
  clientId?: string;
  /** The merchant's DOKU Secret Key (SNAP clientSecret): snap-hmac, nonsnap-hmac. */
  secretKey?: string;
  /** DOKU's public key (DOKU Dashboard), PEM or KeyObject: snap-rsa, token-request. */
  dokuPublicKey?: KeyObject | string;
}

/** The bearer tokens the merchant issued to DOKU: one token, a predicate, or a store with `has`. */
export type IssuedTokens = string | ((token: string) => boolean) | { has(token: string): boolean };

/** One received request and how to verify it. */
export interface CallbackInput {
  /** HTTP method as received ("POST"). */
  method: string;
  /** Request target as received (req.url: path plus query): the merchant URL's path DOKU signs. */
  path: string;
  /** Headers as received; a list value or two keys differing in case mean the header came twice. */
  headers: HeaderBag;
  /** The body exactly as received: bytes (Buffer / Uint8Array) or their text. Never a parsed object. */
  rawBody: Uint8Array | string;
  credentials: ReceiverCredentials;
  scheme: ReceiverScheme;
  /** SNAP callbacks: the tokens the merchant issued (required for snap-hmac and bearer-only). */
  issuedTokens?: IssuedTokens;
  /** snap-hmac: the token in the string to sign when it is not the bearer token (DOKU leaves this open). */
  signatureAccessToken?: string;
  /** The clock, epoch ms or Date; default now. */
  now?: number | Date;
  /** Allowed |now - timestamp| in ms; default 300000 (±5 min, kit policy: DOKU documents no window). */
  windowMs?: number;
}

/** Why a request was refused: a signature-layer rule, or one of the receiver's own. */
export type RefusalRule = VerifyRule | "duplicate-header" | "body-empty" | "body-encoding" | "body-json";

/** Accepted (the parsed JSON body; undefined for an empty token-request body), or refused with the status to answer. */
export type CallbackVerdict =
  | { ok: true; body: unknown }
  | { ok: false; status: number; reason: string; rule: RefusalRule; header?: string };

/** The default timestamp window: ±5 minutes (kit policy; DOKU documents none). */
export const DEFAULT_WINDOW_MS = DEFAULT_MAX_SKEW_MS;

type Refusal = Extract<CallbackVerdict, { ok: false }>;

const refuse = (status: number, rule: RefusalRule, reason: string, header?: string): Refusal => ({
  ok: false,
  status,
  rule,
  reason,
  ...(header === undefined ? {} : { header }),
});

function tokenPredicate(tokens: IssuedTokens): (token: string) => boolean {
  if (typeof tokens === "string" || typeof tokens === "function") {
    return typeof tokens === "string" ? (t) => t === tokens : tokens;
  }
  return (t) => tokens.has(t);
}

function checkUsage(input: CallbackInput): void {
  if (!isReceiverScheme(input.scheme)) {
    throw new UsageError(
      `verifyDokuCallback: unknown scheme "${String(input.scheme)}"; use ${Object.keys(RECEIVER_SCHEMES).join(", ")}`,
    );
  }
  const info = RECEIVER_SCHEMES[input.scheme];
  for (const key of info.needs) {
    const value = input.credentials?.[key];
    if (value === undefined || value === "")
      throw new UsageError(`verifyDokuCallback: scheme ${input.scheme} needs credentials.${key}`);
  }
  if (info.tokens === "required" && input.issuedTokens === undefined) {
    throw new UsageError(
      `verifyDokuCallback: scheme ${input.scheme} needs issuedTokens (the bearer tokens the merchant issued to DOKU)`,
    );
  }
  const raw: unknown = input.rawBody;
  if (typeof raw !== "string" && !(raw instanceof Uint8Array)) {
    throw new UsageError(
      "verifyDokuCallback: rawBody must be the bytes received (Buffer, Uint8Array or string), not a parsed body; capture it before any JSON parser",
    );
  }
  const window = input.windowMs;
  if (window !== undefined && !(Number.isFinite(window) && window >= 0))
    throw new UsageError("verifyDokuCallback: windowMs must be a non-negative number of milliseconds");
}

/** The headers the scheme reads (and its timestamp): each must arrive once. */
function signedHeaders(scheme: ReceiverScheme): string[] {
  const s = SCHEMES[RECEIVER_SCHEMES[scheme].auth];
  const roles = new Set([...s.reads, "timestamp" as const]);
  return [...roles].map((role) => s.headers[role]).filter((n): n is string => n !== undefined);
}

function duplicated(headers: HeaderBag, scheme: ReceiverScheme): Refusal | undefined {
  for (const name of signedHeaders(scheme)) {
    const count = headerValues(headers, name).length;
    if (count > 1)
      return refuse(
        401,
        "duplicate-header",
        `${name} is present ${count} times; a signed header must arrive once`,
        name,
      );
  }
  return undefined;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The JSON body, or the refusal (400) for an empty, non-UTF-8 or malformed body. */
function parseBody(rawBody: Uint8Array | string, emptyOk: boolean): CallbackVerdict {
  let text: string;
  try {
    text = typeof rawBody === "string" ? rawBody : UTF8.decode(rawBody);
  } catch {
    return refuse(400, "body-encoding", "the body is not valid UTF-8");
  }
  if (text.trim() === "") {
    return emptyOk
      ? { ok: true, body: undefined }
      : refuse(400, "body-empty", "the body is empty; DOKU sends a JSON body");
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    return refuse(400, "body-json", `the body is not JSON (${(error as Error).message})`);
  }
}

/** The bearer-only scheme signs nothing; the receiver still holds X-TIMESTAMP to the window. */
function ownTimestamp(input: CallbackInput, now: number, windowMs: number): Refusal | undefined {
  const name = SCHEMES[RECEIVER_SCHEMES[input.scheme].auth].headers.timestamp;
  const value = headerValue(input.headers, name);
  if (value === undefined || value === "")
    return refuse(401, "timestamp-missing", `${name} header is missing`, name);
  const verdict = checkTimestamp(name, value, now, windowMs);
  return verdict.ok ? undefined : refuse(401, verdict.rule, verdict.reason, name);
}

/** Verifies a DOKU call to the merchant; `{ ok: false, status, reason }` says what to answer (401, 400). */
export function verifyDokuCallback(input: CallbackInput): CallbackVerdict {
  checkUsage(input);
  const info = RECEIVER_SCHEMES[input.scheme];
  const headers: HeaderBag = typeof input.headers === "object" && input.headers !== null ? input.headers : {};
  const twice = duplicated(headers, input.scheme);
  if (twice !== undefined) return twice;
  const { clientId, secretKey, dokuPublicKey } = input.credentials;
  const publicKey = dokuPublicKey === undefined ? undefined : asPublicKey(dokuPublicKey, "DOKU public key");
  const now = input.now instanceof Date ? input.now.getTime() : (input.now ?? Date.now());
  const windowMs = input.windowMs ?? DEFAULT_WINDOW_MS;
  const options: VerifyOptions = {
    auth: info.auth,
    credentials: {
      ...(clientId === undefined ? {} : { clientId }),
      ...(secretKey === undefined ? {} : { secretKey }),
      ...(publicKey === undefined ? {} : { publicKey }),
    },
    now,
    maxSkewMs: windowMs,
    ...(input.issuedTokens === undefined || info.tokens === "none"
      ? {}
      : { accessToken: tokenPredicate(input.issuedTokens) }),
    ...(input.signatureAccessToken === undefined ? {} : { signatureAccessToken: input.signatureAccessToken }),
  };
  const request = {
    method: String(input.method ?? ""),
    path: String(input.path ?? ""),
    headers,
    body: input.rawBody,
  };
  let verdict: ReturnType<typeof verifyRequest>;
  try {
    verdict = verifyRequest(request, options);
  } catch (error) {
    if (error instanceof KitError) throw error;
    return refuse(
      401,
      "signature-mismatch",
      `the request could not be verified (${(error as Error).message})`,
    );
  }
  if (!verdict.ok) return refuse(401, verdict.rule, verdict.reason, verdict.header);
  if (info.ownTimestampCheck) {
    const stale = ownTimestamp({ ...input, headers }, now, windowMs);
    if (stale !== undefined) return stale;
  }
  return parseBody(input.rawBody, info.emptyBody);
}
