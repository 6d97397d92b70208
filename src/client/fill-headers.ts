/**
 * The headers DOKU requires that the client can fill, read from the operation's header parameters (spec
 * data): which headers an operation declares and which it requires come from `request.headers` of the
 * operation table, never from a list here. A declared header the caller did not give is filled when its
 * value is known:
 * - the scheme's sender id (SNAP X-PARTNER-ID; non-SNAP Client-Id is the signer's) = the client id;
 * - the scheme's request id (SNAP X-EXTERNAL-ID: digits, unique per day; non-SNAP Request-Id: a UUID);
 * - a header whose schema admits exactly one value (`const` or a one-value `enum`: CHANNEL-ID `H2H`);
 * - Content-Type from the operation's media type, when there is a body;
 * - end-user headers from client options (X-DEVICE-ID = `deviceId`, X-IP-ADDRESS = `ipAddress`).
 * A required header still missing afterwards is a violation (the request is not sent).
 */
import { randomInt, randomUUID } from "node:crypto";
import type { Operation } from "../model/operation.js";
import type { JsonSchema } from "../model/schema.js";
import type { Violation } from "../model/violation.js";
import { headerValue } from "../signatures/headers.js";
import { SCHEMES } from "../signatures/schemes.js";

/** End-user headers DOKU asks for on some operations; their values come from the client's options. */
export const END_USER_HEADERS = { "X-DEVICE-ID": "deviceId", "X-IP-ADDRESS": "ipAddress" } as const;

/** Values the caller configures once per client. */
export interface FillValues {
  clientId: string | undefined;
  /** A numeric X-EXTERNAL-ID, unique per day. */
  externalId: () => string;
  /** A non-SNAP Request-Id. */
  requestId: () => string;
  deviceId?: string;
  ipAddress?: string;
}

/**
 * X-EXTERNAL-ID generator: 13 digits of epoch milliseconds + 3 random digits + a 4-digit counter (20
 * digits, inside the spec's `^[0-9]{1,36}$`). Unique per day for up to 10 000 calls per millisecond per
 * client; distinct clients differ in the random digits.
 */
export function createExternalIds(now: () => number = Date.now): () => string {
  const salt = String(randomInt(1000)).padStart(3, "0");
  let counter = 0;
  return () => `${now()}${salt}${String(counter++ % 10_000).padStart(4, "0")}`;
}

/** The default non-SNAP Request-Id (DOKU: unique, at most 128 characters). */
export const defaultRequestId = (): string => randomUUID();

function properties(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  const props = schema?.properties;
  return props !== null && typeof props === "object" ? (props as Record<string, JsonSchema>) : {};
}

/** The one value a header schema admits, if it admits exactly one. */
function onlyValue(schema: JsonSchema): string | undefined {
  if (typeof schema.const === "string") return schema.const;
  const values = schema.enum;
  return Array.isArray(values) && values.length === 1 && typeof values[0] === "string"
    ? values[0]
    : undefined;
}

export interface FilledHeaders {
  headers: Record<string, string>;
  /** The header names the client generated (a retry regenerates request ids). */
  generated: string[];
  /** Required headers neither given nor fillable. */
  missing: Violation[];
}

/** The scheme roles whose headers the signer writes when it signs (lower-cased names). */
const SIGNER_ROLES = ["signature", "timestamp", "token", "clientId"] as const;

/** Lower-cased names of the headers the signer writes for `operation` (they are not the caller's to give). */
export function signerHeaders(operation: Operation): Set<string> {
  const names = SCHEMES[operation.auth].headers;
  return new Set(SIGNER_ROLES.flatMap((role) => names[role]?.toLowerCase() ?? []));
}

/** `given` plus the declared headers the client can fill; what is still missing is reported, not thrown. */
export function fillHeaders(
  operation: Operation,
  given: Readonly<Record<string, string>>,
  hasBody: boolean,
  values: FillValues,
): FilledHeaders {
  const scheme = SCHEMES[operation.auth];
  const schema = operation.request.headers?.schema;
  const headers: Record<string, string> = { ...given };
  const generated: string[] = [];
  const put = (name: string, value: string | undefined, isGenerated = false) => {
    if (value === undefined || headerValue(headers, name) !== undefined) return;
    headers[name] = value;
    if (isGenerated) generated.push(name);
  };
  if (hasBody) put("Content-Type", operation.request.contentType ?? "application/json");
  for (const [name, property] of Object.entries(properties(schema))) {
    const lower = name.toLowerCase();
    if (lower === scheme.headers.partnerId?.toLowerCase()) put(name, values.clientId);
    else if (lower === scheme.headers.requestId?.toLowerCase())
      put(name, scheme.requestId?.format === "numeric" ? values.externalId() : values.requestId(), true);
    else if (Object.hasOwn(END_USER_HEADERS, name.toUpperCase()))
      put(name, values[END_USER_HEADERS[name.toUpperCase() as keyof typeof END_USER_HEADERS]]);
    else put(name, onlyValue(property));
  }
  const signerFills = signerHeaders(operation);
  const required = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
  const missing: Violation[] = required
    .filter((name) => !signerFills.has(name.toLowerCase()) && headerValue(headers, name) === undefined)
    .map((name) => ({
      operationId: operation.id,
      direction: "request",
      check: "headers",
      pointer: `/headers/${name}`,
      rule: "required",
      expected: name,
      actual: undefined,
      message: `header ${name} is required by ${operation.id} and the client cannot fill it: pass it in params.header${name.toUpperCase() in END_USER_HEADERS ? ` or set ${END_USER_HEADERS[name.toUpperCase() as keyof typeof END_USER_HEADERS]} in the client options` : ""}`,
      source: operation.source,
      severity: "error",
    }));
  return { headers, generated, missing };
}
