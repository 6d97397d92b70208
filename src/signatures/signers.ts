/**
 * The header signers of the schemes (schemes.ts holds which scheme uses which): each returns the headers it
 * adds, named by the scheme's header table, in the order they are sent. Missing material is a UsageError.
 */
import { randomUUID } from "node:crypto";
import { UsageError } from "../model/errors.js";
import { headerValue } from "./headers.js";
import { asPrivateKey } from "./keys.js";
import { nonSnapSignature } from "./nonsnap.js";
import type { HeaderRole, SchemeHeaders, SchemeSigner } from "./scheme.js";
import { rsaSignBase64, snapTokenStringToSign, snapTransactionalStringToSign } from "./snap-asymmetric.js";
import { snapSymmetricSignature } from "./snap-symmetric.js";
import type { SignatureAuth, SignInput } from "./types.js";

function need<T>(value: T | undefined, what: string, auth: SignatureAuth): T {
  if (value === undefined || value === "") throw new UsageError(`${auth} signing needs ${what}`);
  return value;
}

/** The header of `role`; a scheme that signs with a role it does not name is a kit bug. */
export function named(h: SchemeHeaders, role: HeaderRole): string {
  const name = h[role];
  if (name === undefined) throw new Error(`the scheme names no ${role} header`);
  return name;
}

const secretOf = (input: SignInput) =>
  need(input.credentials.secretKey, "the secret key (credentials.secretKey, DOKU_SECRET_KEY)", input.auth);
const tokenOf = (input: SignInput) => need(input.accessToken, "an access token (accessToken)", input.auth);
const privateKeyOf = (input: SignInput) =>
  asPrivateKey(
    need(input.credentials.privateKey, "the signer's RSA private key", input.auth),
    `${input.auth} private key`,
  );

/** SNAP symmetric (snap-symmetric, snap-hmac): Bearer token, timestamp, HMAC-SHA512 signature. */
export const signSnapHmac: SchemeSigner = (input, timestamp, h) => {
  const token = tokenOf(input);
  const signature = snapSymmetricSignature(secretOf(input), {
    method: input.method,
    path: input.path,
    accessToken: input.signatureAccessToken ?? token,
    body: input.body,
    timestamp,
  });
  return {
    [named(h, "token")]: `Bearer ${token}`,
    [h.timestamp]: timestamp,
    [named(h, "signature")]: signature,
  };
};

/** SNAP token request: client key, timestamp, SHA256withRSA over clientId|timestamp. */
export const signSnapToken: SchemeSigner = (input, timestamp, h) => {
  const clientId = need(input.credentials.clientId, "the client id (credentials.clientId)", input.auth);
  const signature = rsaSignBase64(privateKeyOf(input), snapTokenStringToSign(clientId, timestamp));
  return { [named(h, "clientId")]: clientId, [h.timestamp]: timestamp, [named(h, "signature")]: signature };
};

/** snap-rsa: timestamp, SHA256withRSA over the transactional string; the bearer token only when given. */
export const signSnapRsa: SchemeSigner = (input, timestamp, h) => {
  const message = snapTransactionalStringToSign({ ...input, timestamp });
  const headers: Record<string, string> = {
    [h.timestamp]: timestamp,
    [named(h, "signature")]: rsaSignBase64(privateKeyOf(input), message),
  };
  if (input.accessToken !== undefined) headers[named(h, "token")] = `Bearer ${input.accessToken}`;
  return headers;
};

/** bearer-only: the token and a timestamp, no signature. */
export const signBearerOnly: SchemeSigner = (input, timestamp, h) => ({
  [named(h, "token")]: `Bearer ${tokenOf(input)}`,
  [h.timestamp]: timestamp,
});

/** Non-SNAP: Client-Id (given or from the credentials), Request-Id (given or new), timestamp, Signature. */
export const signNonSnap: SchemeSigner = (input, timestamp, h) => {
  const given = input.headers ?? {};
  const clientIdHeader = named(h, "clientId");
  const requestIdHeader = named(h, "requestId");
  const clientId = need(
    headerValue(given, clientIdHeader) ?? input.credentials.clientId,
    `a ${clientIdHeader}`,
    input.auth,
  );
  const requestId = headerValue(given, requestIdHeader) ?? randomUUID();
  const components = { clientId, requestId, timestamp, target: input.path, body: input.body };
  return {
    [clientIdHeader]: clientId,
    [requestIdHeader]: requestId,
    [h.timestamp]: timestamp,
    [named(h, "signature")]: nonSnapSignature(secretOf(input), components),
  };
};
