/**
 * What the merchant's receiver verifies, per `scheme`: the signature layer's scheme it runs (one definition
 * of each, src/signatures/schemes.ts), the credentials it needs, whether a bearer token the merchant issued
 * is checked, and whether a body must be present.
 */

import { TOKEN_SCHEME } from "../signatures/schemes.js";
import type { SignatureAuth } from "../signatures/types.js";

/**
 * How the incoming request is authenticated: a SNAP callback mode (snap-hmac, snap-rsa, bearer-only;
 * src/signatures/callback-modes.ts), DOKU's token request to the merchant (`token-request`, RSA with DOKU's
 * key), or a non-SNAP inquiry / notification (`nonsnap-hmac`).
 */
export type ReceiverScheme = "snap-hmac" | "snap-rsa" | "bearer-only" | "token-request" | "nonsnap-hmac";

/** The credential a scheme cannot verify without (a UsageError when it is missing). */
export type ReceiverKey = "clientId" | "secretKey" | "dokuPublicKey";

/** One receiver scheme. */
export interface ReceiverSchemeInfo {
  auth: SignatureAuth;
  needs: readonly ReceiverKey[];
  /** required: the bearer token must be one the merchant issued; optional: checked when tokens are given. */
  tokens: "required" | "optional" | "none";
  /** The signature layer checks no timestamp for this scheme, so the receiver checks X-TIMESTAMP itself. */
  ownTimestampCheck: boolean;
  /** True when an empty body is acceptable (the token request's body is not documented). */
  emptyBody: boolean;
}

/** Every receiver scheme; `Record` keeps it exhaustive. */
export const RECEIVER_SCHEMES: Readonly<Record<ReceiverScheme, ReceiverSchemeInfo>> = {
  "snap-hmac": {
    auth: "snap-hmac",
    needs: ["secretKey"],
    tokens: "required",
    ownTimestampCheck: false,
    emptyBody: false,
  },
  "snap-rsa": {
    auth: "snap-rsa",
    needs: ["dokuPublicKey"],
    tokens: "optional",
    ownTimestampCheck: false,
    emptyBody: false,
  },
  "bearer-only": {
    auth: "bearer-only",
    needs: [],
    tokens: "required",
    ownTimestampCheck: true,
    emptyBody: false,
  },
  "token-request": {
    auth: TOKEN_SCHEME,
    needs: ["clientId", "dokuPublicKey"],
    tokens: "none",
    ownTimestampCheck: false,
    emptyBody: true,
  },
  "nonsnap-hmac": {
    auth: "nonsnap-hmac",
    needs: ["clientId", "secretKey"],
    tokens: "none",
    ownTimestampCheck: false,
    emptyBody: false,
  },
};

/** True for the five receiver scheme names. */
export function isReceiverScheme(value: unknown): value is ReceiverScheme {
  return typeof value === "string" && Object.hasOwn(RECEIVER_SCHEMES, value);
}
