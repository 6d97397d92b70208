/**
 * Shared types of the signature layer: what is signed (SignInput), what goes on the wire (SignedRequest),
 * what was received (ReceivedRequest) and the verdict (VerifyResult). Verdicts are data, never thrown.
 */
import type { KeyObject } from "node:crypto";
import type { AuthScheme } from "../model/operation.js";

/** How DOKU authenticates its calls to the merchant; undocumented, so the kit names each reading (§2.4). */
export type CallbackAuthMode = "snap-hmac" | "snap-rsa" | "bearer-only";

/** Everything signRequest/verifyRequest can do: an operation's x-doku-auth or a callback mode. */
export type SignatureAuth = AuthScheme | CallbackAuthMode;

/** A body as exact bytes, or as a string sent UTF-8 encoded. */
export type BodyBytes = string | Uint8Array;

/** Key material. Strings are PEM (PKCS#8 or PKCS#1); KeyObjects are used as they are. */
export interface Credentials {
  /** DOKU Client-Id / X-CLIENT-KEY. */
  clientId?: string;
  /** HMAC key: the non-SNAP Secret Key, which SNAP calls clientSecret. */
  secretKey?: string;
  /** RSA private key of the signer (merchant for token requests, DOKU for snap-rsa callbacks). */
  privateKey?: KeyObject | string;
  /** RSA public key of the signer, for verification. */
  publicKey?: KeyObject | string;
}

/** What to sign. `body` is the exact text that will be sent ("" for none). */
export interface SignInput {
  auth: SignatureAuth;
  /** HTTP method exactly as sent ("POST"). */
  method: string;
  /** Request target: the path (plus query, if any) exactly as sent. For callbacks: the merchant URL's path. */
  path: string;
  body: string;
  /** Non-signature headers to send along (X-PARTNER-ID, CHANNEL-ID, Client-Id, Request-Id, ...). */
  headers?: Readonly<Record<string, string>>;
  credentials: Credentials;
  /** Bearer token for the Authorization header (without "Bearer "). */
  accessToken?: string;
  /** snap-hmac/snap-symmetric: the token placed in the string to sign when it is not the bearer token. */
  signatureAccessToken?: string;
  /** X-TIMESTAMP / Request-Timestamp value; generated from the clock when absent. */
  timestamp?: string;
}

/** A request ready for the wire: the signature headers are in `headers`, `body` is byte-identical to the input. */
export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Header values as node:http and fetch deliver them; names are matched case-insensitively. */
export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A request as it arrived: method and path as received, body as raw bytes (or their text). */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: HeaderBag;
  body: BodyBytes;
}

/** Stable ids of the reasons a verification fails. */
export type VerifyRule =
  | "signature-missing"
  | "signature-mismatch"
  | "timestamp-missing"
  | "timestamp-format"
  | "timestamp-window"
  | "token-missing"
  | "token-unknown"
  | "client-id-missing"
  | "client-id-mismatch"
  | "request-id-missing"
  | "request-id-mismatch";

/** The verdict: data, so checks can turn it into a Violation. `header` names the header at fault. */
export type VerifyResult = { ok: true } | { ok: false; rule: VerifyRule; reason: string; header?: string };

/** How to verify. */
export interface VerifyOptions {
  auth: SignatureAuth;
  /** secretKey for HMAC schemes, publicKey for RSA ones; clientId, when set, must match the header. */
  credentials: Credentials;
  /**
   * The bearer tokens the verifier issued: one token, or a predicate. When absent, any non-empty bearer
   * token is accepted (for bearer-only this makes verification meaningless, so it is required there).
   */
  accessToken?: string | ((token: string) => boolean);
  /** snap-hmac/snap-symmetric: the token expected in the string to sign; default the bearer token received. */
  signatureAccessToken?: string;
  /** Clock for the window check, epoch ms or Date; default Date.now(). */
  now?: number | Date;
  /** Kit policy (DOKU publishes none): allowed |now - timestamp| in ms; default 300000; null turns it off. */
  maxSkewMs?: number | null;
}

/** Signs a SignInput; mutators receive one so they can re-sign altered inputs. */
export type Signer = (input: SignInput) => SignedRequest;
