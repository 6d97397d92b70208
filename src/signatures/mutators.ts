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
import type { HeaderRole, MutatorName } from "./scheme.js";
import { headerOf, proofHeader, SCHEMES } from "./schemes.js";
import { snapSymmetricStringToSign } from "./snap-symmetric.js";
import { shiftTimestamp } from "./timestamp.js";
import type { SignatureAuth, SignedRequest, Signer, SignInput } from "./types.js";

/** One negative case: `apply` returns a request a correct verifier rejects. */
export interface SignatureMutator {
  readonly name: MutatorName;
  readonly description: string;
  /** The header role it attacks: where a finding about it points (schemes.ts names the header). */
  readonly attacks: HeaderRole;
  /** True when the scheme lists it (schemes.ts `mutators`). */
  appliesTo(auth: SignatureAuth): boolean;
  apply(input: SignInput, sign: Signer): SignedRequest;
}

/** How far stale-timestamp / future-timestamp move the clock: far outside any sane window. */
export const MUTATED_SKEW_MS = 60 * 60 * 1000;

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
  const name = headerOf(auth, "signature");
  const value = headerValue(signed.headers, name) ?? "";
  const prefix = value.startsWith(NONSNAP_SIGNATURE_PREFIX) ? NONSNAP_SIGNATURE_PREFIX : "";
  return {
    ...signed,
    headers: withHeaders(signed.headers, { [name]: prefix + rewrite(value.slice(prefix.length)) }),
  };
}

const mutator = (
  name: MutatorName,
  attacks: HeaderRole,
  description: string,
  apply: (input: SignInput, sign: Signer) => SignedRequest,
): SignatureMutator => ({
  name,
  description,
  attacks,
  appliesTo: (auth) => SCHEMES[auth].mutators.includes(name),
  apply: (input, sign) => apply(pinned(input), sign),
});

/** Every mutator, in a stable order. */
export const mutators: readonly SignatureMutator[] = [
  mutator("tampered-body", "signature", "one body character changed after signing", (input, sign) => ({
    ...sign(input),
    body: tamperBody(input.body),
  })),
  mutator(
    "reserialised-body",
    "signature",
    "body re-serialised after signing (other key order or a \\u escape: survives SNAP minification)",
    (input, sign) => ({
      ...sign(input),
      body: reserialiseBody(input.body),
    }),
  ),
  mutator(
    "tampered-header",
    "signature",
    "a signed header changed after signing (Request-Id; SNAP: X-TIMESTAMP + 1 s)",
    (input, sign) => {
      const signed = sign(input);
      const signsRequestId = SCHEMES[input.auth].reads.includes("requestId");
      const name = headerOf(input.auth, signsRequestId ? "requestId" : "timestamp");
      const value = headerValue(signed.headers, name) ?? "";
      const changed = signsRequestId ? `${value}0` : shiftTimestamp(value, 1000);
      return { ...signed, headers: withHeaders(signed.headers, { [name]: changed }) };
    },
  ),
  mutator("wrong-secret", "signature", "HMAC computed with another secret key", (input, sign) =>
    sign({
      ...input,
      credentials: { ...input.credentials, secretKey: `${input.credentials.secretKey ?? ""}-wrong` },
    }),
  ),
  mutator("wrong-key", "signature", "RSA signature made with another private key", (input, sign) =>
    sign({ ...input, credentials: { ...input.credentials, privateKey: strangerPrivateKey() } }),
  ),
  mutator(
    "hex-instead-of-base64",
    "signature",
    "the signature bytes sent as lowercase hex instead of Base64",
    (input, sign) => rewriteSignature(sign(input), input.auth, base64ToHex),
  ),
  mutator(
    "case-folded-signature",
    "signature",
    "the Base64 signature with letter case swapped (must not match: Base64 is case-sensitive)",
    (input, sign) => rewriteSignature(sign(input), input.auth, swapCase),
  ),
  mutator(
    "sha256-instead-of-sha512",
    "signature",
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
  mutator(
    "stale-timestamp",
    "timestamp",
    "validly signed, but the timestamp is one hour old",
    (input, sign) => sign({ ...input, timestamp: shiftTimestamp(input.timestamp ?? "", -MUTATED_SKEW_MS) }),
  ),
  mutator(
    "future-timestamp",
    "timestamp",
    "validly signed, but the timestamp is one hour ahead",
    (input, sign) => sign({ ...input, timestamp: shiftTimestamp(input.timestamp ?? "", MUTATED_SKEW_MS) }),
  ),
  mutator("wrong-path", "signature", "signed for another path than the one it is sent to", (input, sign) => ({
    ...sign({ ...input, path: otherPath(input.path) }),
    path: input.path,
  })),
  mutator("wrong-method", "signature", "signed for another HTTP method than the one used", (input, sign) => ({
    ...sign({ ...input, method: otherMethod(input.method) }),
    method: input.method,
  })),
  mutator("missing-signature-header", "signature", "the signature header is left out", (input, sign) => {
    const signed = sign(input);
    return { ...signed, headers: withoutHeaders(signed.headers, [headerOf(input.auth, "signature")]) };
  }),
  mutator("missing-timestamp-header", "timestamp", "the timestamp header is left out", (input, sign) => {
    const signed = sign(input);
    return { ...signed, headers: withoutHeaders(signed.headers, [headerOf(input.auth, "timestamp")]) };
  }),
  mutator(
    "missing-client-id-header",
    "clientId",
    "the Client-Id / X-CLIENT-KEY header is left out",
    (input, sign) => {
      const signed = sign(input);
      return { ...signed, headers: withoutHeaders(signed.headers, [headerOf(input.auth, "clientId")]) };
    },
  ),
  mutator(
    "foreign-client-id",
    "clientId",
    "validly signed for another client id (verifier must know its own)",
    (input, sign) => {
      const headers = withoutHeaders(input.headers ?? {}, [headerOf(input.auth, "clientId")]);
      const credentials = {
        ...input.credentials,
        clientId: `${input.credentials.clientId ?? "MCH"}-foreign`,
      };
      return sign({ ...input, headers, credentials });
    },
  ),
  mutator("missing-token", "token", "the Authorization bearer token is left out", (input, sign) => {
    const signed = sign(input);
    return { ...signed, headers: withoutHeaders(signed.headers, [headerOf(input.auth, "token")]) };
  }),
  mutator(
    "foreign-token",
    "token",
    "a bearer token the verifier never issued (unsigned JWT), correctly signed over",
    (input, sign) => sign({ ...input, accessToken: foreignToken(input.credentials.clientId) }),
  ),
];

/** The mutators that apply to `auth` (the scheme's list, in this file's order). */
export function mutatorsFor(auth: SignatureAuth): SignatureMutator[] {
  return mutators.filter((m) => m.appliesTo(auth));
}

/** Where the bearer token is optional (snap-rsa): the token mutators, for when a token is sent; else none. */
export function optionalTokenMutators(auth: SignatureAuth): SignatureMutator[] {
  return SCHEMES[auth].bearer === "optional" ? mutators.filter((m) => m.attacks === "token") : [];
}

/** The mutator named `name`, or undefined. */
export function findMutator(name: string): SignatureMutator | undefined {
  return mutators.find((m) => m.name === name);
}

/**
 * The header `mutator` attacks under `auth`, where a finding about it points: the header of its role, the
 * request-id header for the scheme's replayed-id case, else the header carrying the proof (signature/token).
 */
export function headerAttackedBy(mutator: string, auth: SignatureAuth): string {
  const scheme = SCHEMES[auth];
  if (scheme.requestId?.replay?.mutator === mutator) return headerOf(auth, "requestId");
  const role = findMutator(mutator)?.attacks;
  return (role === undefined ? undefined : scheme.headers[role]) ?? proofHeader(auth);
}
