/**
 * Signing as DOKU. Non-SNAP callbacks: the five component lines with the merchant's Secret Key and
 * Request-Target = the path of the merchant URL. SNAP callbacks: the --callback-auth mode (snap-hmac,
 * snap-rsa, bearer-only) with the bearer token from the handshake, --access-token, or the kit's own.
 * Forged cases run a signature mutator over the same input.
 */
import type { KeyObject } from "node:crypto";
import type { CallbackCase } from "../model/callback-case.js";
import { findMutator } from "../signatures/mutators.js";
import { signRequest } from "../signatures/request-signer.js";
import { callbackScheme } from "../signatures/schemes.js";
import type { CallbackAuthMode, SignatureAuth, SignedRequest, SignInput } from "../signatures/types.js";
import type { Flow } from "./flows.js";

/** Who DOKU is for this run and what it signs with. */
export interface DokuIdentity {
  flow: Flow;
  /** SNAP flows: the callback mode; ignored for non-SNAP (always nonsnap-hmac). */
  callbackAuth: CallbackAuthMode;
  clientId: string;
  /** The merchant's Secret Key (DOKU_SECRET_KEY): HMAC key for non-SNAP and snap-hmac. */
  secretKey: string;
  /** The DOKU-role private key: token handshake and snap-rsa. */
  dokuPrivateKey: KeyObject;
  /** Bearer token sent on SNAP callbacks (handshake, --access-token or kit-generated). */
  accessToken?: string;
  /** snap-hmac: the token in the string to sign when it is not the bearer (--signature-access-token). */
  signatureAccessToken?: string;
  /** Request-Target / EndpointUrl: path (and query) of the merchant URL. */
  target: string;
}

/** The scheme a flow signs with. */
export function authOf(identity: Pick<DokuIdentity, "flow" | "callbackAuth">): SignatureAuth {
  return callbackScheme(identity.flow.family, identity.callbackAuth).name;
}

/** What signRequest needs for this case. */
export function signInputFor(identity: DokuIdentity, c: CallbackCase): SignInput {
  return {
    auth: authOf(identity),
    method: c.method,
    path: identity.target,
    body: c.rawBody,
    headers: c.headers,
    credentials: {
      clientId: identity.clientId,
      secretKey: identity.secretKey,
      privateKey: identity.dokuPrivateKey,
    },
    ...(identity.accessToken === undefined ? {} : { accessToken: identity.accessToken }),
    ...(identity.signatureAccessToken === undefined
      ? {}
      : { signatureAccessToken: identity.signatureAccessToken }),
  };
}

/** Signs a case as DOKU; a forged case (kind "forged") goes through its mutator. */
export function signCase(identity: DokuIdentity, c: CallbackCase): SignedRequest {
  const input = signInputFor(identity, c);
  if (c.kind !== "forged" || c.variant === undefined) return signRequest(input);
  const mutator = findMutator(c.variant);
  if (mutator === undefined) throw new Error(`unknown signature mutator "${c.variant}"`);
  return mutator.apply(input, signRequest);
}
