/**
 * The non-signature headers DOKU sends with a callback, read from the webhook's request header schema:
 * client id and idempotency key are the kit's, every other declared header takes the schema's own sample
 * (const, enum, default, examples, example). Signature headers are added by the signer at send time.
 */
import type { Operation } from "../model/operation.js";
import type { JsonSchema } from "../model/schema.js";
import { DEFAULT_CALLBACK_AUTH_MODE } from "../signatures/callback-modes.js";
import { headerValue } from "../signatures/headers.js";
import { callbackScheme, headerOf, SIGNER_HEADERS } from "../signatures/schemes.js";
import type { Flow } from "./flows.js";
import { newIdempotencyKey } from "./ids.js";

/** Headers the signer writes (any scheme, any case); never filled from the schema. */
const SIGNER_ONLY = new Set(SIGNER_HEADERS.map((h) => h.toLowerCase()));

/** The schema's own sample value for a header, as a string. */
export function schemaSample(schema: JsonSchema | undefined): string | undefined {
  if (schema === undefined) return undefined;
  const candidates = [
    schema.const,
    Array.isArray(schema.enum) ? schema.enum[0] : undefined,
    schema.default,
    Array.isArray(schema.examples) ? schema.examples[0] : undefined,
    schema.example,
  ];
  const found = candidates.find((c) => typeof c === "string" || typeof c === "number");
  return found === undefined ? undefined : String(found);
}

/**
 * Fresh headers for one callback: Content-Type, client id, a new idempotency key, then the declared
 * extras — from `generated` (headers the arbitraries made with the body) or else the schema's sample.
 */
export function callbackHeaders(
  flow: Flow,
  operation: Operation,
  clientId: string,
  generated: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const id = newIdempotencyKey(flow.family);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  headers[headerOf(callbackScheme(flow.family, DEFAULT_CALLBACK_AUTH_MODE).name, "partnerId")] = clientId;
  headers[id.header] = id.value;
  const declared = (operation.request.headers?.schema.properties ?? {}) as Record<string, JsonSchema>;
  const taken = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
  for (const [name, schema] of Object.entries(declared)) {
    const lower = name.toLowerCase();
    if (taken.has(lower) || SIGNER_ONLY.has(lower)) continue;
    const made = headerValue(generated, name);
    const value = made ?? schemaSample(schema);
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}
