/**
 * The headers the mock hands to verification: Node's `req.headers`, except that a header delivered more
 * than once with different values stays a list. Node joins most repeats with ", " but keeps only the first
 * Authorization (and a few others), which would let a second, conflicting bearer token pass unseen;
 * verifyRequest refuses a signed header that arrives as a list of different values.
 */
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** `req.headers` with conflicting repeats kept as lists (from `req.headersDistinct`). */
export function receivedHeaders(req: IncomingMessage): IncomingHttpHeaders {
  const out: Record<string, string | string[] | undefined> = { ...req.headers };
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values !== undefined && new Set(values).size > 1) out[name] = values;
  }
  return out as IncomingHttpHeaders;
}
