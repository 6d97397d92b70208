/** Debug output without secrets: signature, token, key and secret header values are masked. */
import type { HeaderBag } from "../signatures/index.js";

const MASK = "<redacted>";
const SECRET_NAME = /secret|private|password|token|api-?key|cookie|signature|authorization/i;

function mask(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === "authorization" || lower === "authorization-customer") {
    const scheme = /^(\S+)\s/.exec(value)?.[1];
    return scheme === undefined ? MASK : `${scheme} ${MASK}`;
  }
  if (lower === "signature" && value.startsWith("HMACSHA256=")) return `HMACSHA256=${MASK}`;
  return MASK;
}

/**
 * A copy of `headers` safe to print: Authorization keeps its scheme ("Bearer <redacted>"), Signature its
 * HMACSHA256= prefix; X-SIGNATURE and any header named like a secret, key, token or cookie is masked.
 * X-CLIENT-KEY / Client-Id / X-PARTNER-ID are identifiers, not secrets, and stay visible.
 */
export function redactHeaders(headers: HeaderBag | Headers): Record<string, string> {
  const entries: [string, string][] =
    headers instanceof Headers
      ? [...headers.entries()]
      : Object.entries(headers).flatMap(([k, v]) =>
          v === undefined ? [] : [[k, typeof v === "string" ? v : v.join(", ")]],
        );
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    const isIdentifier = /^(x-client-key|client-id|x-partner-id)$/i.test(name);
    out[name] = !isIdentifier && SECRET_NAME.test(name) ? mask(name, value) : value;
  }
  return out;
}
