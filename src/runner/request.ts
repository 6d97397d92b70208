/**
 * Case -> signed request. Identity-bound headers come from the credentials (X-PARTNER-ID, Client-Id), the
 * per-request unique ones from the run (X-EXTERNAL-ID, Request-Id) — unless the case is a negative that
 * deliberately breaks that very header. The body bytes signed are the bytes sent.
 */
import type { Case, SentRequest } from "../model/case.js";
import type { Operation } from "../model/operation.js";
import { headerValue, withHeaders, withoutHeaders } from "../signatures/headers.js";
import { SCHEMES } from "../signatures/schemes.js";
import type { SignedRequest, SignInput } from "../signatures/types.js";
import type { RunCredentials } from "./credentials.js";

/** Unique request ids for one run: numeric X-EXTERNAL-ID (unique per day), Request-Id. */
export interface IdSource {
  externalId(): string;
  requestId(): string;
}

/** X-EXTERNAL-ID = run start (ms, 13 digits) + a 6-digit counter; Request-Id = "dc-" + the same digits. */
export function createIdSource(startedAtMs: number = Date.now()): IdSource {
  let counter = 0;
  const next = () => `${startedAtMs}${String(++counter % 1_000_000).padStart(6, "0")}`;
  return { externalId: next, requestId: () => `dc-${next()}` };
}

/** The exact body text of a case. */
export function bodyText(kase: Case): string {
  if (kase.rawBody !== undefined) return kase.rawBody;
  return kase.body === undefined ? "" : JSON.stringify(kase.body);
}

/** Builds what the signer needs for `kase`; `accessToken` for snap-symmetric operations. */
export function signInputFor(
  operation: Operation,
  kase: Case,
  credentials: RunCredentials,
  ids: IdSource,
  accessToken?: string,
): SignInput {
  const body = bodyText(kase);
  const brokenHeader = brokenHeaderOf(operation, kase);
  const set: Record<string, string> = {};
  const put = (name: string, value: string) => {
    if (brokenHeader !== name.toLowerCase()) set[name] = value;
  };
  if (body !== "" && headerValue(kase.headers, "Content-Type") === undefined) {
    put("Content-Type", operation.request.contentType ?? "application/json");
  }
  const scheme = SCHEMES[operation.auth];
  if (scheme.headers.partnerId !== undefined) put(scheme.headers.partnerId, credentials.clientId);
  if (scheme.headers.requestId !== undefined && scheme.requestId !== undefined)
    put(scheme.headers.requestId, scheme.requestId.format === "numeric" ? ids.externalId() : ids.requestId());
  const input: SignInput = {
    auth: operation.auth,
    method: kase.method,
    path: kase.path,
    body,
    headers: withHeaders(kase.headers, set),
    credentials: {
      clientId: credentials.clientId,
      secretKey: credentials.secretKey,
      ...(credentials.privateKey
        ? { privateKey: credentials.privateKey }
        : credentials.privateKeyPem
          ? { privateKey: credentials.privateKeyPem }
          : {}),
    },
  };
  // A broken client id is signed as it is sent, so only the client id is wrong, not the signature.
  const brokenClientId =
    brokenHeader === "x-client-key" ? headerValue(kase.headers, "X-CLIENT-KEY") : undefined;
  if (brokenClientId !== undefined) input.credentials = { ...input.credentials, clientId: brokenClientId };
  if (accessToken !== undefined) input.accessToken = accessToken;
  return input;
}

/**
 * After signing: a header the negative case breaks gets the case's value back, or is removed when the case
 * leaves it out (the signer sets X-CLIENT-KEY, Client-Id, Request-Id, timestamps itself).
 */
export function restoreBrokenHeader(operation: Operation, kase: Case, signed: SignedRequest): SignedRequest {
  const broken = brokenHeaderOf(operation, kase);
  if (broken === undefined) return signed;
  const value = headerValue(kase.headers, broken);
  const headers = withoutHeaders(signed.headers, [broken]);
  if (value !== undefined) {
    const spelled = Object.keys(kase.headers).find((k) => k.toLowerCase() === broken) ?? broken;
    headers[spelled] = value;
  }
  return { ...signed, headers };
}

/**
 * The header a negative case breaks, lower-cased: `/headers/<name>`, or `/<name>` when <name> is one of the
 * operation's request headers and no body property (tolerates generators that drop the `/headers` prefix).
 */
export function brokenHeaderOf(operation: Operation, kase: Case): string | undefined {
  if (kase.expect.kind !== "reject") return undefined;
  const pointer = kase.expect.pointer;
  if (pointer.startsWith("/headers/")) return pointer.slice("/headers/".length).toLowerCase();
  const name = pointer.slice(1);
  if (name === "" || name.includes("/")) return undefined;
  const declared = Object.keys((operation.request.headers?.schema.properties as object | undefined) ?? {});
  const inBody = Object.keys((operation.request.body?.schema.properties as object | undefined) ?? {});
  return declared.some((h) => h.toLowerCase() === name.toLowerCase()) && !inBody.includes(name)
    ? name.toLowerCase()
    : undefined;
}

/** The wire form: absolute URL, headers and body exactly as signed. */
export function toSent(signed: SignedRequest, baseUrl: string): SentRequest {
  return {
    method: signed.method as SentRequest["method"],
    url: `${baseUrl}${signed.path}`,
    headers: signed.headers,
    body: signed.body,
  };
}
