/**
 * One object per signature scheme: every `x-doku-auth` value and every `--callback-auth` mode. The runner,
 * checks, mock, client, callbacks and CLI read a scheme from here instead of branching on its name; adding a
 * scheme means adding its entry (and, for an `x-doku-auth` value, its mock family in src/mock/families).
 */
import type { AuthScheme } from "../model/operation.js";
import { NONSNAP_FAULTS, SNAP_FAULTS, TOKEN_FAULTS } from "./faults.js";
import type { HeaderRole, SchemeFamily, SignatureScheme } from "./scheme.js";
import { signBearerOnly, signNonSnap, signSnapHmac, signSnapRsa, signSnapToken } from "./signers.js";
import { formatNonSnapTimestamp, formatSnapTimestamp } from "./timestamp.js";
import type { CallbackAuthMode, SignatureAuth } from "./types.js";
import {
  verifyBearerOnly,
  verifyNonSnap,
  verifySnapHmac,
  verifySnapRsa,
  verifySnapToken,
} from "./verifiers.js";

const SNAP = {
  signature: "X-SIGNATURE",
  timestamp: "X-TIMESTAMP",
  token: "Authorization",
  partnerId: "X-PARTNER-ID",
  requestId: "X-EXTERNAL-ID",
} as const;
const snapTimestamp = (epochMs: number) => formatSnapTimestamp(epochMs);
const SNAP_ID = { format: "numeric" } as const;
const SNAP_HMAC_MUTATORS = [
  "tampered-body",
  "reserialised-body",
  "tampered-header",
  "wrong-secret",
  "hex-instead-of-base64",
  "case-folded-signature",
  "sha256-instead-of-sha512",
  "stale-timestamp",
  "future-timestamp",
  "wrong-path",
  "wrong-method",
  "missing-signature-header",
  "missing-timestamp-header",
  "missing-token",
  "foreign-token",
] as const;
const snapHmac = { family: "snap", headers: SNAP, reads: ["signature", "token", "timestamp"] } as const;

/** Every scheme by name; `Record` keeps it exhaustive over AuthScheme and CallbackAuthMode. */
export const SCHEMES: Readonly<Record<SignatureAuth, SignatureScheme>> = {
  "snap-asymmetric-token": {
    name: "snap-asymmetric-token",
    use: "operation",
    family: "snap",
    summary: "Base64 SHA256withRSA (PKCS#1 v1.5) of clientId|timestamp",
    headers: { signature: "X-SIGNATURE", timestamp: "X-TIMESTAMP", clientId: "X-CLIENT-KEY" },
    reads: ["signature", "clientId", "timestamp"],
    bearer: "none",
    timestamp: snapTimestamp,
    sign: signSnapToken,
    verify: verifySnapToken,
    mutators: [
      "tampered-header",
      "wrong-key",
      "hex-instead-of-base64",
      "case-folded-signature",
      "stale-timestamp",
      "future-timestamp",
      "missing-signature-header",
      "missing-timestamp-header",
      "missing-client-id-header",
      "foreign-client-id",
    ],
    faults: TOKEN_FAULTS,
  },
  "snap-symmetric": {
    name: "snap-symmetric",
    use: "operation",
    ...snapHmac,
    summary: "Base64 HMAC-SHA512 of METHOD:path:token:lowerhex(sha256(minified body)):timestamp",
    bearer: "required",
    timestamp: snapTimestamp,
    sign: signSnapHmac,
    verify: verifySnapHmac,
    mutators: SNAP_HMAC_MUTATORS,
    requestId: {
      ...SNAP_ID,
      replay: {
        mutator: "reused-external-id",
        reason: "X-EXTERNAL-ID reused on the same day",
        sameBody: false,
      },
    },
    faults: SNAP_FAULTS,
  },
  "nonsnap-hmac": {
    name: "nonsnap-hmac",
    use: "operation",
    family: "non-snap",
    summary:
      "HMACSHA256= + Base64 HMAC-SHA256 of the Client-Id/Request-Id/Request-Timestamp/Request-Target[/Digest] lines",
    headers: {
      signature: "Signature",
      timestamp: "Request-Timestamp",
      clientId: "Client-Id",
      partnerId: "Client-Id",
      requestId: "Request-Id",
    },
    reads: ["signature", "clientId", "requestId", "timestamp"],
    bearer: "none",
    timestamp: formatNonSnapTimestamp,
    sign: signNonSnap,
    verify: verifyNonSnap,
    mutators: [
      "tampered-body",
      "reserialised-body",
      "tampered-header",
      "wrong-secret",
      "hex-instead-of-base64",
      "case-folded-signature",
      "stale-timestamp",
      "future-timestamp",
      "wrong-path",
      "missing-signature-header",
      "missing-timestamp-header",
      "missing-client-id-header",
      "foreign-client-id",
    ],
    requestId: {
      format: "text",
      replay: {
        mutator: "reused-request-id",
        reason: "Request-Id replayed with the same body",
        sameBody: true,
      },
    },
    faults: NONSNAP_FAULTS,
  },
  "snap-hmac": {
    name: "snap-hmac",
    use: "callback",
    ...snapHmac,
    summary:
      "Authorization: Bearer <token> plus X-SIGNATURE = Base64 HMAC-SHA512, EndpointUrl = merchant path",
    bearer: "required",
    timestamp: snapTimestamp,
    sign: signSnapHmac,
    verify: verifySnapHmac,
    mutators: SNAP_HMAC_MUTATORS,
    requestId: SNAP_ID,
  },
  "snap-rsa": {
    name: "snap-rsa",
    use: "callback",
    family: "snap",
    summary:
      "X-SIGNATURE = Base64 SHA256withRSA by DOKU's private key; Authorization only when a token is given",
    headers: SNAP,
    reads: ["signature", "token", "timestamp"],
    bearer: "optional",
    timestamp: snapTimestamp,
    sign: signSnapRsa,
    verify: verifySnapRsa,
    mutators: [
      "tampered-body",
      "reserialised-body",
      "tampered-header",
      "wrong-key",
      "hex-instead-of-base64",
      "case-folded-signature",
      "stale-timestamp",
      "future-timestamp",
      "wrong-path",
      "wrong-method",
      "missing-signature-header",
      "missing-timestamp-header",
    ],
    requestId: SNAP_ID,
  },
  "bearer-only": {
    name: "bearer-only",
    use: "callback",
    family: "snap",
    summary: "Authorization: Bearer <token issued by the merchant> and X-TIMESTAMP; no X-SIGNATURE is sent",
    headers: {
      timestamp: SNAP.timestamp,
      token: SNAP.token,
      partnerId: SNAP.partnerId,
      requestId: SNAP.requestId,
    },
    reads: ["token"],
    bearer: "required",
    timestamp: snapTimestamp,
    sign: signBearerOnly,
    verify: verifyBearerOnly,
    mutators: ["missing-token", "foreign-token"],
    requestId: SNAP_ID,
  },
};

/** The scheme of a token request: merchant -> DOKU Get Token B2B and DOKU -> merchant token handshake. */
export const TOKEN_SCHEME: AuthScheme = "snap-asymmetric-token";

/** The `x-doku-auth` values, in table order (the generator accepts these). */
export const AUTH_SCHEMES = Object.values(SCHEMES)
  .filter((s) => s.use === "operation")
  .map((s) => s.name as AuthScheme);

/** True for the SNAP family (X-SIGNATURE family, responseCode envelope). */
export function isSnapScheme(auth: SignatureAuth): boolean {
  return SCHEMES[auth].family === "snap";
}

/** The header `auth` uses for `role`; a kit bug (Error) when the scheme has none. */
export function headerOf(auth: SignatureAuth, role: HeaderRole): string {
  const name = SCHEMES[auth].headers[role];
  if (name === undefined) throw new Error(`${auth} has no ${role} header`);
  return name;
}

/** The header a verifier reads first: the signature, or the bearer token where nothing is signed. */
export function proofHeader(auth: SignatureAuth): string {
  const { signature, token } = SCHEMES[auth].headers;
  return signature ?? token ?? headerOf(auth, "signature");
}

/** The scheme DOKU signs a callback of `family` with: the `--callback-auth` mode for SNAP, nonsnap-hmac otherwise. */
export function callbackScheme(family: SchemeFamily, mode: CallbackAuthMode): SignatureScheme {
  return family === "snap" ? SCHEMES[mode] : SCHEMES["nonsnap-hmac"];
}

/** True when callbacks of `family` are signed by a `--callback-auth` mode (SNAP), false for the fixed non-SNAP HMAC. */
export function usesCallbackModes(family: SchemeFamily): boolean {
  return family === "snap";
}

/** Headers only a signer writes (any scheme): signature, timestamp, token, and a client id the caller never sets. */
export const SIGNER_HEADERS: readonly string[] = [
  ...new Set(
    Object.values(SCHEMES).flatMap(({ headers: h }) =>
      [h.signature, h.timestamp, h.token, h.clientId === h.partnerId ? undefined : h.clientId].filter(
        (name): name is string => name !== undefined,
      ),
    ),
  ),
];

/** Every header some scheme uses for one of `roles`, lower-case (e.g. the client-identifying headers). */
export function headersOfRole(...roles: HeaderRole[]): string[] {
  const names = Object.values(SCHEMES).flatMap((s) => roles.map((role) => s.headers[role]));
  return [...new Set(names.filter((n): n is string => n !== undefined).map((n) => n.toLowerCase()))];
}
