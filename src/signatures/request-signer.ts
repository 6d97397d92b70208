/**
 * signRequest: one entry point for every scheme and callback mode. A table maps each SignatureAuth to the
 * headers it adds; the body is passed through untouched, so the bytes signed are the bytes sent.
 */
import { randomUUID } from "node:crypto";
import { UsageError } from "../model/errors.js";
import { headerValue, withHeaders } from "./headers.js";
import { asPrivateKey } from "./keys.js";
import { nonSnapSignature } from "./nonsnap.js";
import { rsaSignBase64, snapTokenStringToSign, snapTransactionalStringToSign } from "./snap-asymmetric.js";
import { snapSymmetricSignature } from "./snap-symmetric.js";
import { formatNonSnapTimestamp, formatSnapTimestamp } from "./timestamp.js";
import type { SignatureAuth, SignedRequest, SignInput } from "./types.js";

type HeaderSigner = (input: SignInput, timestamp: string) => Record<string, string>;

function need<T>(value: T | undefined, what: string, auth: SignatureAuth): T {
  if (value === undefined || value === "") throw new UsageError(`${auth} signing needs ${what}`);
  return value;
}

const secretOf = (input: SignInput) =>
  need(input.credentials.secretKey, "the secret key (credentials.secretKey, DOKU_SECRET_KEY)", input.auth);
const tokenOf = (input: SignInput) => need(input.accessToken, "an access token (accessToken)", input.auth);
const privateKeyOf = (input: SignInput) =>
  asPrivateKey(
    need(input.credentials.privateKey, "the signer's RSA private key", input.auth),
    `${input.auth} private key`,
  );

const snapHmac: HeaderSigner = (input, timestamp) => {
  const token = tokenOf(input);
  const signature = snapSymmetricSignature(secretOf(input), {
    method: input.method,
    path: input.path,
    accessToken: input.signatureAccessToken ?? token,
    body: input.body,
    timestamp,
  });
  return { Authorization: `Bearer ${token}`, "X-TIMESTAMP": timestamp, "X-SIGNATURE": signature };
};

const snapToken: HeaderSigner = (input, timestamp) => {
  const clientId = need(input.credentials.clientId, "the client id (credentials.clientId)", input.auth);
  const signature = rsaSignBase64(privateKeyOf(input), snapTokenStringToSign(clientId, timestamp));
  return { "X-CLIENT-KEY": clientId, "X-TIMESTAMP": timestamp, "X-SIGNATURE": signature };
};

const snapRsa: HeaderSigner = (input, timestamp) => {
  const message = snapTransactionalStringToSign({ ...input, timestamp });
  const headers: Record<string, string> = {
    "X-TIMESTAMP": timestamp,
    "X-SIGNATURE": rsaSignBase64(privateKeyOf(input), message),
  };
  if (input.accessToken !== undefined) headers["Authorization"] = `Bearer ${input.accessToken}`;
  return headers;
};

const bearerOnly: HeaderSigner = (input, timestamp) => ({
  Authorization: `Bearer ${tokenOf(input)}`,
  "X-TIMESTAMP": timestamp,
});

const nonSnap: HeaderSigner = (input, timestamp) => {
  const given = input.headers ?? {};
  const clientId = need(
    headerValue(given, "Client-Id") ?? input.credentials.clientId,
    "a Client-Id",
    input.auth,
  );
  const requestId = headerValue(given, "Request-Id") ?? randomUUID();
  const components = { clientId, requestId, timestamp, target: input.path, body: input.body };
  return {
    "Client-Id": clientId,
    "Request-Id": requestId,
    "Request-Timestamp": timestamp,
    Signature: nonSnapSignature(secretOf(input), components),
  };
};

const SIGNERS: Record<SignatureAuth, HeaderSigner> = {
  "snap-symmetric": snapHmac,
  "snap-hmac": snapHmac,
  "snap-asymmetric-token": snapToken,
  "snap-rsa": snapRsa,
  "bearer-only": bearerOnly,
  "nonsnap-hmac": nonSnap,
};

/** The timestamp a scheme uses when none is given: UTC `Z` for non-SNAP, WIB offset for SNAP. */
export function defaultTimestamp(auth: SignatureAuth, epochMs: number = Date.now()): string {
  return auth === "nonsnap-hmac" ? formatNonSnapTimestamp(epochMs) : formatSnapTimestamp(epochMs);
}

/** Signs `input`: returns the request with its signature headers added and the body unchanged. */
export function signRequest(input: SignInput): SignedRequest {
  const signer = SIGNERS[input.auth];
  if (signer === undefined) throw new UsageError(`unknown signature scheme "${String(input.auth)}"`);
  const timestamp = input.timestamp ?? defaultTimestamp(input.auth);
  const headers = withHeaders(input.headers ?? {}, signer(input, timestamp));
  return { method: input.method, path: input.path, headers, body: input.body };
}
