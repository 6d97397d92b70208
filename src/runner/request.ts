/**
 * Case -> signed request. Identity-bound headers come from the credentials (X-PARTNER-ID, Client-Id), the
 * per-request unique ones from the run (X-EXTERNAL-ID, Request-Id) — unless the case is a negative that
 * deliberately breaks that very header. The body bytes signed are the bytes sent.
 */
import type { Case, SentRequest } from "../model/case.js";
import type { Operation } from "../model/operation.js";
import { headerValue, withHeaders } from "../signatures/headers.js";
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
  const brokenHeader =
    kase.expect.kind === "reject" && kase.expect.pointer.startsWith("/headers/")
      ? kase.expect.pointer.slice("/headers/".length).toLowerCase()
      : undefined;
  const set: Record<string, string> = {};
  const put = (name: string, value: string) => {
    if (brokenHeader !== name.toLowerCase()) set[name] = value;
  };
  if (body !== "" && headerValue(kase.headers, "Content-Type") === undefined) {
    put("Content-Type", operation.request.contentType ?? "application/json");
  }
  if (operation.auth === "snap-symmetric") {
    put("X-PARTNER-ID", credentials.clientId);
    put("X-EXTERNAL-ID", ids.externalId());
  } else if (operation.auth === "nonsnap-hmac") {
    put("Client-Id", credentials.clientId);
    put("Request-Id", ids.requestId());
  }
  const input: SignInput = {
    auth: operation.auth,
    method: kase.method,
    path: kase.path,
    body,
    headers: withHeaders(kase.headers, set),
    credentials: {
      clientId: credentials.clientId,
      secretKey: credentials.secretKey,
      ...(credentials.privateKeyPem ? { privateKey: credentials.privateKeyPem } : {}),
    },
  };
  if (accessToken !== undefined) input.accessToken = accessToken;
  return input;
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
