/**
 * Named negative cases for signatures: each mutator takes a valid SignInput and a signer and returns a
 * request that a correct verifier must reject. Names are stable ids (reports and --phase signature use them).
 */
import { hmacBase64 } from "./digest.js";
import { headerValue, withHeaders, withoutHeaders } from "./headers.js";
import {
  base64ToHex,
  foreignToken,
  otherMethod,
  otherPath,
  reserialiseBody,
  strangerPrivateKey,
  swapCase,
  tamperBody,
} from "./mutations.js";
import { NONSNAP_SIGNATURE_PREFIX } from "./nonsnap.js";
import { defaultTimestamp } from "./request-signer.js";
import { snapSymmetricStringToSign } from "./snap-symmetric.js";
import { shiftTimestamp } from "./timestamp.js";
import type { SignatureAuth, SignedRequest, Signer, SignInput } from "./types.js";

/** One negative case: `apply` returns a request a correct verifier rejects. */
export interface SignatureMutator {
  readonly name: string;
  readonly description: string;
  appliesTo(auth: SignatureAuth): boolean;
  apply(input: SignInput, sign: Signer): SignedRequest;
}

/** How far stale-timestamp / future-timestamp move the clock: far outside any sane window. */
export const MUTATED_SKEW_MS = 60 * 60 * 1000;

const only =
  (...auths: SignatureAuth[]) =>
  (auth: SignatureAuth) =>
    auths.includes(auth);
const SIGNED = only("snap-symmetric", "snap-hmac", "snap-asymmetric-token", "snap-rsa", "nonsnap-hmac");
const BODY_AND_PATH_SIGNED = only("snap-symmetric", "snap-hmac", "snap-rsa", "nonsnap-hmac");
const METHOD_SIGNED = only("snap-symmetric", "snap-hmac", "snap-rsa");
const HMAC = only("snap-symmetric", "snap-hmac", "nonsnap-hmac");
const SNAP_HMAC = only("snap-symmetric", "snap-hmac");
const RSA = only("snap-asymmetric-token", "snap-rsa");
const BEARER = only("snap-symmetric", "snap-hmac", "bearer-only");
const CLIENT_ID = only("nonsnap-hmac", "snap-asymmetric-token");

const isNonSnap = (auth: SignatureAuth) => auth === "nonsnap-hmac";
const signatureHeader = (auth: SignatureAuth) => (isNonSnap(auth) ? "Signature" : "X-SIGNATURE");
const timestampHeader = (auth: SignatureAuth) => (isNonSnap(auth) ? "Request-Timestamp" : "X-TIMESTAMP");
const clientIdHeader = (auth: SignatureAuth) => (isNonSnap(auth) ? "Client-Id" : "X-CLIENT-KEY");

/** The input with its timestamp fixed, so every re-signing inside a mutator uses the same one. */
const pinned = (input: SignInput): SignInput => ({
  ...input,
  timestamp: input.timestamp ?? defaultTimestamp(input.auth),
});

/** Rewrites the signature value (after any HMACSHA256= prefix). */
function rewriteSignature(
  signed: SignedRequest,
  auth: SignatureAuth,
  rewrite: (v: string) => string,
): SignedRequest {
  const name = signatureHeader(auth);
  const value = headerValue(signed.headers, name) ?? "";
  const prefix = value.startsWith(NONSNAP_SIGNATURE_PREFIX) ? NONSNAP_SIGNATURE_PREFIX : "";
  return {
    ...signed,
    headers: withHeaders(signed.headers, { [name]: prefix + rewrite(value.slice(prefix.length)) }),
  };
}

const mutator = (
  name: string,
  appliesTo: (auth: SignatureAuth) => boolean,
  description: string,
  apply: (input: SignInput, sign: Signer) => SignedRequest,
): SignatureMutator => ({ name, description, appliesTo, apply: (input, sign) => apply(pinned(input), sign) });

/** Every mutator, in a stable order. */
export const mutators: readonly SignatureMutator[] = [
  mutator(
    "tampered-body",
    BODY_AND_PATH_SIGNED,
    "one body character changed after signing",
    (input, sign) => ({
      ...sign(input),
      body: tamperBody(input.body),
    }),
  ),
  mutator(
    "reserialised-body",
    BODY_AND_PATH_SIGNED,
    "body re-serialised after signing (other key order or a \\u escape: survives SNAP minification)",
    (input, sign) => ({
      ...sign(input),
      body: reserialiseBody(input.body),
    }),
  ),
  mutator(
    "tampered-header",
    SIGNED,
    "a signed header changed after signing (Request-Id; SNAP: X-TIMESTAMP + 1 s)",
    (input, sign) => {
      const signed = sign(input);
      const name = isNonSnap(input.auth) ? "Request-Id" : "X-TIMESTAMP";
      const value = headerValue(signed.headers, name) ?? "";
      const changed = isNonSnap(input.auth) ? `${value}0` : shiftTimestamp(value, 1000);
      return { ...signed, headers: withHeaders(signed.headers, { [name]: changed }) };
    },
  ),
  mutator("wrong-secret", HMAC, "HMAC computed with another secret key", (input, sign) =>
    sign({
      ...input,
      credentials: { ...input.credentials, secretKey: `${input.credentials.secretKey ?? ""}-wrong` },
    }),
  ),
  mutator("wrong-key", RSA, "RSA signature made with another private key", (input, sign) =>
    sign({ ...input, credentials: { ...input.credentials, privateKey: strangerPrivateKey() } }),
  ),
  mutator(
    "hex-instead-of-base64",
    SIGNED,
    "the signature bytes sent as lowercase hex instead of Base64",
    (input, sign) => rewriteSignature(sign(input), input.auth, base64ToHex),
  ),
  mutator(
    "case-folded-signature",
    SIGNED,
    "the Base64 signature with letter case swapped (must not match: Base64 is case-sensitive)",
    (input, sign) => rewriteSignature(sign(input), input.auth, swapCase),
  ),
  mutator(
    "sha256-instead-of-sha512",
    SNAP_HMAC,
    "HMAC-SHA256 instead of HMAC-SHA512 over the same string",
    (input, sign) => {
      const signed = sign(input);
      const token = input.signatureAccessToken ?? input.accessToken ?? "";
      const message = snapSymmetricStringToSign({
        ...input,
        accessToken: token,
        timestamp: input.timestamp ?? "",
      });
      return rewriteSignature(signed, input.auth, () =>
        hmacBase64("sha256", input.credentials.secretKey ?? "", message),
      );
    },
  ),
  mutator("stale-timestamp", SIGNED, "validly signed, but the timestamp is one hour old", (input, sign) =>
    sign({ ...input, timestamp: shiftTimestamp(input.timestamp ?? "", -MUTATED_SKEW_MS) }),
  ),
  mutator("future-timestamp", SIGNED, "validly signed, but the timestamp is one hour ahead", (input, sign) =>
    sign({ ...input, timestamp: shiftTimestamp(input.timestamp ?? "", MUTATED_SKEW_MS) }),
  ),
  mutator(
    "wrong-path",
    BODY_AND_PATH_SIGNED,
    "signed for another path than the one it is sent to",
    (input, sign) => ({
      ...sign({ ...input, path: otherPath(input.path) }),
      path: input.path,
    }),
  ),
  mutator(
    "wrong-method",
    METHOD_SIGNED,
    "signed for another HTTP method than the one used",
    (input, sign) => ({
      ...sign({ ...input, method: otherMethod(input.method) }),
      method: input.method,
    }),
  ),
  mutator("missing-signature-header", SIGNED, "the signature header is left out", (input, sign) => {
    const signed = sign(input);
    return { ...signed, headers: withoutHeaders(signed.headers, [signatureHeader(input.auth)]) };
  }),
  mutator("missing-timestamp-header", SIGNED, "the timestamp header is left out", (input, sign) => {
    const signed = sign(input);
    return { ...signed, headers: withoutHeaders(signed.headers, [timestampHeader(input.auth)]) };
  }),
  mutator(
    "missing-client-id-header",
    CLIENT_ID,
    "the Client-Id / X-CLIENT-KEY header is left out",
    (input, sign) => {
      const signed = sign(input);
      return { ...signed, headers: withoutHeaders(signed.headers, [clientIdHeader(input.auth)]) };
    },
  ),
  mutator(
    "foreign-client-id",
    CLIENT_ID,
    "validly signed for another client id (verifier must know its own)",
    (input, sign) => {
      const headers = withoutHeaders(input.headers ?? {}, ["Client-Id"]);
      const credentials = {
        ...input.credentials,
        clientId: `${input.credentials.clientId ?? "MCH"}-foreign`,
      };
      return sign({ ...input, headers, credentials });
    },
  ),
  mutator("missing-token", BEARER, "the Authorization bearer token is left out", (input, sign) => {
    const signed = sign(input);
    return { ...signed, headers: withoutHeaders(signed.headers, ["Authorization"]) };
  }),
  mutator(
    "foreign-token",
    BEARER,
    "a bearer token the verifier never issued (unsigned JWT), correctly signed over",
    (input, sign) => sign({ ...input, accessToken: foreignToken(input.credentials.clientId) }),
  ),
];

/** The mutators that apply to `auth`. */
export function mutatorsFor(auth: SignatureAuth): SignatureMutator[] {
  return mutators.filter((m) => m.appliesTo(auth));
}

/** The mutator named `name`, or undefined. */
export function findMutator(name: string): SignatureMutator | undefined {
  return mutators.find((m) => m.name === name);
}
