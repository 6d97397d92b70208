/**
 * The SNAP token handshake as DOKU plays it (research §2.4, §3.3; undocumented by DOKU, modelled on its
 * SDKs): POST to the merchant's token URL with X-CLIENT-KEY = the merchant's client id, X-TIMESTAMP and
 * X-SIGNATURE = SHA256withRSA(clientId|X-TIMESTAMP) by the DOKU-role private key. The merchant answers
 * 2007300 with an accessToken, which the kit then sends as `Authorization: Bearer <token>`.
 */
import { type KeyObject, randomUUID } from "node:crypto";
import type { CallbackCase, CallbackExchange } from "../model/callback-case.js";
import { CALLBACK_AUTH_MODES } from "../signatures/callback-modes.js";
import { findMutator } from "../signatures/mutators.js";
import { signRequest } from "../signatures/request-signer.js";
import { SCHEMES, TOKEN_SCHEME, usesCallbackModes } from "../signatures/schemes.js";
import { MERCHANT_TOKEN_REQUEST_BODY } from "../signatures/token-handshake.js";
import type { SignedRequest, SignInput } from "../signatures/types.js";
import type { ResolvedCertifyOptions } from "./options.js";
import type { TokenSource } from "./plan.js";

/** A token-request case: valid, or forged with the named mutator. */
export function tokenCase(operationId: string, path: string, mutator?: string): CallbackCase {
  return {
    operationId,
    phase: "signature",
    method: "POST",
    path,
    pathParams: {},
    headers: { "Content-Type": "application/json" },
    body: JSON.parse(MERCHANT_TOKEN_REQUEST_BODY) as unknown,
    rawBody: MERCHANT_TOKEN_REQUEST_BODY,
    kind: mutator === undefined ? "token" : "token-forged",
    ...(mutator === undefined
      ? { expect: { kind: "accept" as const }, label: "token request signed with the DOKU-role key" }
      : {
          variant: mutator,
          expect: {
            kind: "reject-auth" as const,
            mutator,
            reason: findMutator(mutator)?.description ?? mutator,
          },
          label: `forged token request: ${mutator}`,
        }),
  };
}

/** Signs a token-request case: clientId|timestamp with the DOKU-role key, or through its mutator. */
export function signTokenCase(c: CallbackCase, clientId: string, dokuPrivateKey: KeyObject): SignedRequest {
  const input: SignInput = {
    auth: TOKEN_SCHEME,
    method: c.method,
    path: c.path,
    body: c.rawBody,
    headers: c.headers,
    credentials: { clientId, privateKey: dokuPrivateKey },
  };
  const mutator = c.variant === undefined ? undefined : findMutator(c.variant);
  return mutator === undefined ? signRequest(input) : mutator.apply(input, signRequest);
}

/** The accessToken of a successful token answer (2xx, JSON with a non-empty string accessToken). */
export function issuedToken(exchange: CallbackExchange): string | undefined {
  const response = exchange.response;
  if (!response || response.status < 200 || response.status >= 300) return undefined;
  const json = response.json as { accessToken?: unknown } | undefined;
  const token = typeof json === "object" && json !== null ? json.accessToken : undefined;
  return typeof token === "string" && token !== "" ? token : undefined;
}

/** Where the bearer token of SNAP callbacks comes from, and the token known before the handshake. */
export function initialBearer(
  o: Pick<ResolvedCertifyOptions, "flow" | "tokenUrl" | "callbackAuth">,
  accessToken: string | undefined,
  notes: string[],
): { source: TokenSource; token: string | undefined } {
  const snap = usesCallbackModes(o.flow.family);
  if (snap) notes.push(`--callback-auth ${o.callbackAuth}: ${CALLBACK_AUTH_MODES[o.callbackAuth].summary}`);
  if (o.tokenUrl) return { source: "handshake", token: undefined };
  if (accessToken !== undefined) return { source: "given", token: accessToken };
  if (!snap) return { source: "none", token: undefined };
  if (SCHEMES[o.callbackAuth].bearer === "optional") {
    notes.push(`${o.callbackAuth} without --token-url or --access-token: no Authorization header was sent`);
    return { source: "none", token: undefined };
  }
  const token = `doku-conformance-${randomUUID()}`;
  notes.push(
    `no --token-url or --access-token: callbacks carry Authorization: Bearer ${token.slice(0, 22)}… (a kit-generated token the merchant never issued)`,
  );
  return { source: "kit", token };
}
