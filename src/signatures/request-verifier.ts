/**
 * verifyRequest: recomputes the signature over the raw bytes received and compares exactly (constant time,
 * no case folding), after header, token, client-id and timestamp-window checks. Returns data; it throws
 * only for a verifier misconfiguration (missing secret or key: a UsageError).
 */
import { UsageError } from "../model/errors.js";
import { constantTimeEqual } from "./constant-time.js";
import { bearerToken, headerValue } from "./headers.js";
import { asPublicKey } from "./keys.js";
import { nonSnapSignature } from "./nonsnap.js";
import { rsaVerifyBase64, snapTokenStringToSign, snapTransactionalStringToSign } from "./snap-asymmetric.js";
import { snapSymmetricSignature } from "./snap-symmetric.js";
import { checkTimestamp, DEFAULT_MAX_SKEW_MS } from "./timestamp.js";
import type { ReceivedRequest, SignatureAuth, VerifyOptions, VerifyResult, VerifyRule } from "./types.js";

type Verifier = (request: ReceivedRequest, options: VerifyOptions) => VerifyResult;
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

function header(request: ReceivedRequest, name: string, rule: VerifyRule): string | Failure {
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
function token(request: ReceivedRequest, options: VerifyOptions): string | Failure {
  const value = bearerToken(headerValue(request.headers, "Authorization"));
  if (value === undefined)
    return fail("token-missing", "Authorization", "Authorization: Bearer <token> is missing");
  const issued = options.accessToken;
  const known =
    issued === undefined
      ? true
      : typeof issued === "string"
        ? constantTimeEqual(value, issued)
        : issued(value);
  return known
    ? value
    : fail("token-unknown", "Authorization", "the bearer token was not issued by this verifier");
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

const snapHmac: Verifier = (request, options) => {
  const got = all({
    signature: header(request, "X-SIGNATURE", "signature-missing"),
    bearer: token(request, options),
    timestamp: timestamp(request, "X-TIMESTAMP", options),
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
  return compare(got.signature, snapSymmetricSignature(secret(options), c), "X-SIGNATURE", what);
};

function rsa(options: VerifyOptions, message: string, signature: string, what: string): VerifyResult {
  const key = asPublicKey(options.credentials.publicKey, `${options.auth} public key`);
  if (rsaVerifyBase64(key, message, signature)) return OK;
  return fail(
    "signature-mismatch",
    "X-SIGNATURE",
    `X-SIGNATURE is not a Base64 SHA256withRSA signature of ${what}`,
  );
}

const snapToken: Verifier = (request, options) => {
  const got = all({
    signature: header(request, "X-SIGNATURE", "signature-missing"),
    clientId: clientId(request, "X-CLIENT-KEY", options),
    timestamp: timestamp(request, "X-TIMESTAMP", options),
  });
  if (isFailure(got)) return got;
  const message = snapTokenStringToSign(got.clientId, got.timestamp);
  return rsa(options, message, got.signature, "X-CLIENT-KEY|X-TIMESTAMP");
};

const snapRsa: Verifier = (request, options) => {
  const got = all({
    signature: header(request, "X-SIGNATURE", "signature-missing"),
    // The bearer token is optional here (the legacy sample has none); checked when the verifier issued one.
    bearer: options.accessToken === undefined ? "" : token(request, options),
    timestamp: timestamp(request, "X-TIMESTAMP", options),
  });
  if (isFailure(got)) return got;
  const message = snapTransactionalStringToSign({ ...request, timestamp: got.timestamp });
  return rsa(options, message, got.signature, "METHOD:path:sha256hex(minified body):X-TIMESTAMP");
};

const bearerOnly: Verifier = (request, options) => {
  if (options.accessToken === undefined)
    throw new UsageError("bearer-only verification needs the issued accessToken");
  const bearer = token(request, options);
  return isFailure(bearer) ? bearer : OK;
};

const nonSnap: Verifier = (request, options) => {
  const got = all({
    signature: header(request, "Signature", "signature-missing"),
    clientId: clientId(request, "Client-Id", options),
    requestId: header(request, "Request-Id", "request-id-missing"),
    timestamp: timestamp(request, "Request-Timestamp", options),
  });
  if (isFailure(got)) return got;
  const c = { ...got, target: request.path, body: request.body };
  const what =
    "HMACSHA256=Base64(HMAC-SHA256) of the Client-Id/Request-Id/Request-Timestamp/Request-Target[/Digest] lines";
  return compare(got.signature, nonSnapSignature(secret(options), c), "Signature", what);
};

const VERIFIERS: Record<SignatureAuth, Verifier> = {
  "snap-symmetric": snapHmac,
  "snap-hmac": snapHmac,
  "snap-asymmetric-token": snapToken,
  "snap-rsa": snapRsa,
  "bearer-only": bearerOnly,
  "nonsnap-hmac": nonSnap,
};

/** Verifies a received request under `options.auth`; `{ ok: false, rule, reason, header }` when it fails. */
export function verifyRequest(request: ReceivedRequest, options: VerifyOptions): VerifyResult {
  const verifier = VERIFIERS[options.auth];
  if (verifier === undefined) throw new UsageError(`unknown signature scheme "${String(options.auth)}"`);
  return verifier(request, options);
}
