/**
 * DOKU -> merchant token handshake (research §2.4 item 1, §3.3): before a SNAP callback DOKU asks the
 * merchant for a token, signing `clientId|X-TIMESTAMP` with DOKU's private key (SHA256withRSA); the
 * merchant verifies with DOKU's public key and answers with a token. Path and body are undocumented.
 */
import type { KeyObject } from "node:crypto";
import { signRequest } from "./request-signer.js";
import { verifyRequest } from "./request-verifier.js";
import { TOKEN_SCHEME } from "./schemes.js";
import type { ReceivedRequest, SignedRequest, VerifyResult } from "./types.js";

/** Body the kit sends; DOKU's real body is undocumented (SDK-style B2B grant assumed). */
export const MERCHANT_TOKEN_REQUEST_BODY = '{"grantType":"client_credentials"}';

/** Inputs of the token request the kit sends while playing DOKU. */
export interface MerchantTokenRequestInput {
  /** The merchant's own DOKU client id (sent as X-CLIENT-KEY). */
  clientId: string;
  dokuPrivateKey: KeyObject | string;
  /** Path of the merchant's token URL. */
  path: string;
  body?: string;
  timestamp?: string;
  headers?: Readonly<Record<string, string>>;
}

/** The signed POST that DOKU sends to the merchant's token endpoint. */
export function signMerchantTokenRequest(input: MerchantTokenRequestInput): SignedRequest {
  return signRequest({
    auth: TOKEN_SCHEME,
    method: "POST",
    path: input.path,
    body: input.body ?? MERCHANT_TOKEN_REQUEST_BODY,
    headers: { "Content-Type": "application/json", ...input.headers },
    credentials: { clientId: input.clientId, privateKey: input.dokuPrivateKey },
    ...(input.timestamp === undefined ? {} : { timestamp: input.timestamp }),
  });
}

/** What the merchant checks: X-CLIENT-KEY is its client id and X-SIGNATURE verifies with DOKU's public key. */
export function verifyMerchantTokenRequest(
  request: ReceivedRequest,
  options: {
    clientId: string;
    dokuPublicKey: KeyObject | string;
    now?: number | Date;
    maxSkewMs?: number | null;
  },
): VerifyResult {
  const { clientId, dokuPublicKey, ...window } = options;
  return verifyRequest(request, {
    auth: TOKEN_SCHEME,
    credentials: { clientId, publicKey: dokuPublicKey },
    ...window,
  });
}
