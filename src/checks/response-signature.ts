/**
 * `response-signature` (non-SNAP): where the spec documents a `Signature` response header, DOKU signs its
 * response (research §2.1, D-SIG-NS-RESP): HMAC-SHA256 over Client-Id, the request's Request-Id,
 * Response-Timestamp, the called path and the Digest of the exact body. Needs the secret key.
 */
import type { Operation } from "../model/operation.js";
import { headerValue } from "../signatures/headers.js";
import { verifyNonSnapResponse } from "../signatures/nonsnap-response.js";
import type { Check } from "./check.js";
import { documentedResponse, requestTarget, violation } from "./response.js";

/** True when the documented response for `status` declares a Signature header. */
export function signsResponse(operation: Operation, status: number): boolean {
  const properties = documentedResponse(operation, status)?.headers?.schema.properties;
  return (
    typeof properties === "object" &&
    properties !== null &&
    Object.keys(properties).some((n) => n.toLowerCase() === "signature")
  );
}

export const responseSignature: Check = (ctx, exchange) => {
  const response = exchange.response;
  const secretKey = ctx.credentials?.secretKey;
  if (!response || !secretKey || !signsResponse(ctx.operation, response.status)) return [];
  const { request } = exchange;
  const requestId = headerValue(request.headers, "Request-Id");
  const verdict = verifyNonSnapResponse(
    { headers: response.headers, body: response.body },
    { target: requestTarget(request.url), secretKey, ...(requestId ? { requestId } : {}) },
  );
  if (verdict.ok) return [];
  return [
    violation("response-signature", exchange, ctx.operation, {
      pointer: `/headers/${verdict.header ?? "Signature"}`,
      rule: "signature",
      expected: "a valid HMACSHA256 response signature",
      actual: verdict.rule,
      message: `${ctx.operation.id} ${response.status}: ${verdict.reason}`,
      source:
        "https://developers.doku.com/get-started-with-doku-api/signature-component/non-snap/signature-componen-from-response-header",
    }),
  ];
};
