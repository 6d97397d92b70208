/**
 * The verifiers of the schemes (schemes.ts holds which scheme uses which): each reads the headers the
 * scheme's table names, recomputes the signature over the raw bytes received and compares exactly
 * (constant time, no case folding). Returns data; throws only for a verifier misconfiguration (UsageError).
 */
import { UsageError } from "../model/errors.js";
import { constantTimeEqual } from "./constant-time.js";
import { bearerToken, headerValue, headerValues } from "./headers.js";
import { asPublicKey } from "./keys.js";
import { nonSnapSignature } from "./nonsnap.js";
import type { SchemeHeaders, SchemeVerifier } from "./scheme.js";
import { named } from "./signers.js";
import { rsaVerifyBase64, snapTokenStringToSign, snapTransactionalStringToSign } from "./snap-asymmetric.js";
import { snapSymmetricSignature } from "./snap-symmetric.js";
import { checkTimestamp, DEFAULT_MAX_SKEW_MS } from "./timestamp.js";
import type { ReceivedRequest, VerifyOptions, VerifyResult, VerifyRule } from "./types.js";

type Failure = Extract<VerifyResult, { ok: false }>;

const OK: VerifyResult = { ok: true };
const fail = (rule: VerifyRule, header: string, reason: string): Failure => ({
  ok: false,
  rule,
  header,
  reason,
});
const isFailure = (v: unknown): v is Failure =>
  typeof v === "object" && v !== null && (v as Failure).ok === false;

/** The rule a signed header delivered twice with different values breaks, by its "missing" rule. */
const CONFLICT_RULE: Partial<Record<VerifyRule, VerifyRule>> = {
  "signature-missing": "signature-mismatch",
  "timestamp-missing": "timestamp-format",
  "token-missing": "token-unknown",
  "client-id-missing": "client-id-mismatch",
  "request-id-missing": "request-id-mismatch",
};

/**
 * A signed header present twice (a list, or keys differing in case) with different values fails: taking
 * the first copy would let a proxy or attacker add a second one the verifier never looks at.
 */
function conflict(request: ReceivedRequest, name: string, rule: VerifyRule): Failure | undefined {
  const values = new Set(headerValues(request.headers, name));
  if (values.size < 2) return undefined;
  return fail(
    CONFLICT_RULE[rule] ?? rule,
    name,
    `${name} is present ${values.size} times with different values`,
  );
}

function header(request: ReceivedRequest, name: string, rule: VerifyRule): string | Failure {
  const twice = conflict(request, name, rule);
  if (twice !== undefined) return twice;
  const value = headerValue(request.headers, name);
  return value === undefined || value === "" ? fail(rule, name, `${name} header is missing`) : value;
}

function timestamp(request: ReceivedRequest, name: string, options: VerifyOptions): string | Failure {
  const value = header(request, name, "timestamp-missing");
  if (isFailure(value)) return value;
  const now = options.now instanceof Date ? options.now.getTime() : (options.now ?? Date.now());
  const maxSkew = options.maxSkewMs === undefined ? DEFAULT_MAX_SKEW_MS : options.maxSkewMs;
  const verdict = checkTimestamp(name, value, now, maxSkew);
  return verdict.ok ? value : verdict;
}

/** The bearer token, checked against the issued token(s) when the verifier knows them. */
function token(request: ReceivedRequest, h: SchemeHeaders, options: VerifyOptions): string | Failure {
  const name = named(h, "token");
  const twice = conflict(request, name, "token-missing");
  if (twice !== undefined) return twice;
  const value = bearerToken(headerValue(request.headers, name));
  if (value === undefined) return fail("token-missing", name, `${name}: Bearer <token> is missing`);
  const issued = options.accessToken;
  const known =
    issued === undefined
      ? true
      : typeof issued === "string"
        ? constantTimeEqual(value, issued)
        : issued(value);
  return known ? value : fail("token-unknown", name, "the bearer token was not issued by this verifier");
}

function clientId(request: ReceivedRequest, name: string, options: VerifyOptions): string | Failure {
  const value = header(request, name, "client-id-missing");
  if (isFailure(value)) return value;
  const expected = options.credentials.clientId;
  if (expected !== undefined && !constantTimeEqual(value, expected)) {
    return fail("client-id-mismatch", name, `${name} "${value}" is not the expected client id`);
  }
  return value;
}

function secret(options: VerifyOptions): string {
  const key = options.credentials.secretKey;
  if (key === undefined || key === "")
    throw new UsageError(`${options.auth} verification needs the secret key`);
  return key;
}

function compare(actual: string, expected: string, name: string, what: string): VerifyResult {
  return constantTimeEqual(actual, expected)
    ? OK
    : fail("signature-mismatch", name, `${name} does not match ${what}`);
}

/** All steps' values, or the first failure among them (in the order listed). */
function all<K extends string>(steps: Record<K, string | Failure>): Record<K, string> | Failure {
  for (const value of Object.values<string | Failure>(steps)) if (isFailure(value)) return value;
  return steps as Record<K, string>;
}

const signatureOf = (request: ReceivedRequest, h: SchemeHeaders) =>
  header(request, named(h, "signature"), "signature-missing");

/** SNAP symmetric: signature, bearer token, timestamp, then HMAC-SHA512 over the symmetric string. */
export const verifySnapHmac: SchemeVerifier = (request, options, h) => {
  const got = all({
    signature: signatureOf(request, h),
    bearer: token(request, h, options),
    timestamp: timestamp(request, h.timestamp, options),
  });
  if (isFailure(got)) return got;
  const accessToken = options.signatureAccessToken ?? got.bearer;
  const c = {
    method: request.method,
    path: request.path,
    accessToken,
    body: request.body,
    timestamp: got.timestamp,
  };
  const what = "Base64 HMAC-SHA512 over METHOD:path:<token>:sha256hex(minified body):X-TIMESTAMP";
  return compare(got.signature, snapSymmetricSignature(secret(options), c), named(h, "signature"), what);
};

function rsa(options: VerifyOptions, h: SchemeHeaders, message: string, got: string, what: string) {
  const key = asPublicKey(options.credentials.publicKey, `${options.auth} public key`);
  if (rsaVerifyBase64(key, message, got)) return OK;
  const name = named(h, "signature");
  return fail("signature-mismatch", name, `${name} is not a Base64 SHA256withRSA signature of ${what}`);
}

/** SNAP token request: signature, client key, timestamp, then SHA256withRSA over clientId|timestamp. */
export const verifySnapToken: SchemeVerifier = (request, options, h) => {
  const got = all({
    signature: signatureOf(request, h),
    clientId: clientId(request, named(h, "clientId"), options),
    timestamp: timestamp(request, h.timestamp, options),
  });
  if (isFailure(got)) return got;
  const message = snapTokenStringToSign(got.clientId, got.timestamp);
  return rsa(options, h, message, got.signature, "X-CLIENT-KEY|X-TIMESTAMP");
};

/** snap-rsa: signature, the bearer token when the verifier issued one, timestamp, then SHA256withRSA. */
export const verifySnapRsa: SchemeVerifier = (request, options, h) => {
  const got = all({
    signature: signatureOf(request, h),
    // The bearer token is optional here (the legacy sample has none); checked when the verifier issued one.
    bearer: options.accessToken === undefined ? "" : token(request, h, options),
    timestamp: timestamp(request, h.timestamp, options),
  });
  if (isFailure(got)) return got;
  const message = snapTransactionalStringToSign({ ...request, timestamp: got.timestamp });
  return rsa(options, h, message, got.signature, "METHOD:path:sha256hex(minified body):X-TIMESTAMP");
};

/** bearer-only: only the token, which the verifier must have issued. */
export const verifyBearerOnly: SchemeVerifier = (request, options, h) => {
  if (options.accessToken === undefined)
    throw new UsageError("bearer-only verification needs the issued accessToken");
  const bearer = token(request, h, options);
  return isFailure(bearer) ? bearer : OK;
};

/** Non-SNAP: Signature, Client-Id, Request-Id, timestamp, then HMAC-SHA256 over the component lines. */
export const verifyNonSnap: SchemeVerifier = (request, options, h) => {
  const got = all({
    signature: signatureOf(request, h),
    clientId: clientId(request, named(h, "clientId"), options),
    requestId: header(request, named(h, "requestId"), "request-id-missing"),
    timestamp: timestamp(request, h.timestamp, options),
  });
  if (isFailure(got)) return got;
  const c = { ...got, target: request.path, body: request.body };
  const what =
    "HMACSHA256=Base64(HMAC-SHA256) of the Client-Id/Request-Id/Request-Timestamp/Request-Target[/Digest] lines";
  return compare(got.signature, nonSnapSignature(secret(options), c), named(h, "signature"), what);
};
