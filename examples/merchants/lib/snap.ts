/**
 * SNAP callbacks for a merchant, on the kit's receiver: the token endpoint DOKU calls first, and the
 * verification of each inquiry / notification. How DOKU signs SNAP callbacks is not settled by its docs, so
 * the mode is configuration (CALLBACK_AUTH): snap-hmac, snap-rsa or bearer-only (docs/receiver.md).
 *
 * verifyDokuCallback works on the raw bytes the adapter captured (never a re-serialised body), compares
 * exactly in constant time, holds X-TIMESTAMP to ±5 minutes, refuses a signed header sent twice and a bearer
 * token this merchant did not issue. In your own code, import the same names from "doku-conformance".
 */
import { createPublicKey, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import {
  type DokuAnswer,
  dokuAnswers,
  nodeCallbackHandler,
  type ReceivedCallback,
  TokenIssuer,
  verifyDokuCallback,
  type WebhookId,
} from "../../../conformance/index.js";
import type { MerchantEnv } from "./main.js";

export type CallbackAuth = "snap-hmac" | "snap-rsa" | "bearer-only";

export interface SnapConfig {
  clientId: string;
  secretKey: string;
  /** The DOKU public key (from the DOKU Dashboard; for a certification run, the kit's DOKU-role key). */
  dokuPublicKey: KeyObject;
  callbackAuth: CallbackAuth;
  /** snap-rsa only: false when DOKU sends no bearer token (no token endpoint). Default true. */
  requireToken?: boolean;
}

/** The SNAP configuration from the command line's environment (DOKU_PUBLIC_KEY_FILE is required). */
export function snapConfigOf(env: MerchantEnv): SnapConfig {
  if (env.dokuPublicKeyPem === undefined) throw new Error("set DOKU_PUBLIC_KEY_FILE");
  return {
    ...env,
    callbackAuth: env.callbackAuth as CallbackAuth,
    dokuPublicKey: createPublicKey(env.dokuPublicKeyPem),
  };
}

/** Where these reference merchants serve the token endpoint DOKU calls first (BI-SNAP path; DOKU documents none). */
export const TOKEN_PATH = "/v1.0/access-token/b2b";

/** The token endpoint: DOKU's RSA signature over X-CLIENT-KEY|X-TIMESTAMP, then a fresh token (2007300). */
export function answerTokenRequest(
  request: ReceivedCallback,
  config: SnapConfig,
  tokens: TokenIssuer,
): DokuAnswer {
  const verdict = verifyDokuCallback({ ...request, credentials: config, scheme: "token-request" });
  return verdict.ok ? dokuAnswers.token(tokens.issue()) : dokuAnswers.refusal("snapMerchantToken", verdict);
}

/** The business part of a SNAP callback: runs only for an authenticated request, with its parsed body. */
export type SnapHandler = (request: ReceivedCallback, body: unknown) => DokuAnswer;

/**
 * A SNAP callback server for `operation`: answers DOKU's token request at TOKEN_PATH, refuses a callback
 * that does not authenticate (the operation's 401 layout) BEFORE anything is processed, and hands an
 * authenticated one to `handle`.
 */
export function snapCallbackServer(config: SnapConfig, operation: WebhookId, handle: SnapHandler): Server {
  const tokens = new TokenIssuer();
  const checkToken = config.callbackAuth !== "snap-rsa" || config.requireToken !== false;
  return createServer(
    nodeCallbackHandler((request) => {
      if (request.path === TOKEN_PATH) return answerTokenRequest(request, config, tokens);
      const verdict = verifyDokuCallback({
        ...request,
        credentials: config,
        scheme: config.callbackAuth,
        ...(checkToken ? { issuedTokens: tokens } : {}),
      });
      return verdict.ok ? handle(request, verdict.body) : dokuAnswers.refusal(operation, verdict);
    }),
  );
}

/** A header's value as the adapter delivered it (its first copy). */
export function headerOf(request: ReceivedCallback, name: string): string {
  const value = request.headers[name.toLowerCase()];
  return (typeof value === "string" ? value : value?.[0]) ?? "";
}
