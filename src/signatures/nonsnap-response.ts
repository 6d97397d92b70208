/**
 * Non-SNAP response signatures (research §2.1, D-SIG-NS-RESP): DOKU signs its responses, and a merchant
 * answering a Direct Inquiry signs its answer, with the component lines using the Response-Timestamp label.
 */
import { UsageError } from "../model/errors.js";
import { constantTimeEqual } from "./constant-time.js";
import { headerValue } from "./headers.js";
import { nonSnapSignature } from "./nonsnap.js";
import { checkTimestamp, DEFAULT_MAX_SKEW_MS, formatNonSnapTimestamp } from "./timestamp.js";
import type { BodyBytes, HeaderBag, VerifyResult, VerifyRule } from "./types.js";

/** What a signed non-SNAP response covers. */
export interface NonSnapResponseInput {
  clientId: string;
  /** The Request-Id of the request being answered. */
  requestId: string;
  /** The path that was called (Request-Target of the request). */
  target: string;
  /** Exact response body ("" for none). */
  body: BodyBytes;
  secretKey: string;
  /** Response-Timestamp; now (UTC `Z`) when absent. */
  timestamp?: string;
}

/** The response headers Client-Id, Request-Id, Response-Timestamp and Signature. */
export function signNonSnapResponse(input: NonSnapResponseInput): Record<string, string> {
  const timestamp = input.timestamp ?? formatNonSnapTimestamp(Date.now());
  const components = { ...input, timestamp, timestampLabel: "Response-Timestamp" as const };
  return {
    "Client-Id": input.clientId,
    "Request-Id": input.requestId,
    "Response-Timestamp": timestamp,
    Signature: nonSnapSignature(input.secretKey, components),
  };
}

/** How to verify a non-SNAP response; `requestId`, when given, must be echoed. */
export interface NonSnapResponseVerifyOptions {
  target: string;
  secretKey: string;
  requestId?: string;
  now?: number | Date;
  maxSkewMs?: number | null;
}

const fail = (rule: VerifyRule, header: string, reason: string): VerifyResult => ({
  ok: false,
  rule,
  header,
  reason,
});

/** Verifies a non-SNAP response's Signature over the raw body received. */
export function verifyNonSnapResponse(
  response: { headers: HeaderBag; body: BodyBytes },
  options: NonSnapResponseVerifyOptions,
): VerifyResult {
  if (options.secretKey === "") throw new UsageError("non-SNAP response verification needs the secret key");
  const required: [string, VerifyRule][] = [
    ["Signature", "signature-missing"],
    ["Client-Id", "client-id-missing"],
    ["Request-Id", "request-id-missing"],
    ["Response-Timestamp", "timestamp-missing"],
  ];
  const values: string[] = [];
  for (const [name, rule] of required) {
    const value = headerValue(response.headers, name);
    if (value === undefined || value === "") return fail(rule, name, `${name} header is missing`);
    values.push(value);
  }
  const [signature, clientId, requestId, timestamp] = values as [string, string, string, string];
  if (options.requestId !== undefined && requestId !== options.requestId) {
    return fail("request-id-mismatch", "Request-Id", `Request-Id "${requestId}" does not echo the request's`);
  }
  const now = options.now instanceof Date ? options.now.getTime() : (options.now ?? Date.now());
  const maxSkew = options.maxSkewMs === undefined ? DEFAULT_MAX_SKEW_MS : options.maxSkewMs;
  const window = checkTimestamp("Response-Timestamp", timestamp, now, maxSkew);
  if (!window.ok) return window;
  const components = { clientId, requestId, timestamp, target: options.target, body: response.body };
  const expected = nonSnapSignature(options.secretKey, {
    ...components,
    timestampLabel: "Response-Timestamp",
  });
  if (constantTimeEqual(signature, expected)) return { ok: true };
  return fail(
    "signature-mismatch",
    "Signature",
    "Signature does not match HMAC-SHA256 over the response component lines",
  );
}
