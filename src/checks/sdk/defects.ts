/**
 * Known defects of DOKU's official SDKs, as data: what each one does, the SDK versions it was seen in, how
 * to tell it from other causes, and the fix. `fingerprint.ts` matches findings against `seenAs`; reports
 * carry the match on the violation (`fingerprint`). Seen by reading doku-nodejs-library 1.0.52 (npm) and
 * running a merchant made of its helpers against `doku-conformance callback` and a client against the mock.
 */

/** Where a defect shows: a finding of `callback` on the merchant, or a client request seen by the mock. */
export interface SeenAs {
  /** Check names whose finding this defect explains. */
  checks: readonly string[];
  /** Forged-case mutators (forged-rejected findings only). */
  mutators?: readonly string[];
  /** Byte variants (byte-variant-accepted findings only). */
  variants?: readonly string[];
  /** The merchant's HTTP status: "2xx" accepted, "5xx" crashed, "4xx" refused. */
  answered?: "2xx" | "4xx" | "5xx";
  /** The answer's responseCode was a JSON number. */
  numericResponseCode?: boolean;
  /** Request header the finding is about (client-side defects). */
  header?: string;
}

/** One known SDK defect. */
export interface SdkDefect {
  id: string;
  sdk: "doku-nodejs-library";
  /** Versions in which the kit saw it (not a claim about other versions). */
  versions: readonly string[];
  /** What the SDK does, one sentence. */
  defect: string;
  /** How to tell it from other causes. */
  howToTell: string;
  /** The fix a merchant applies around the SDK. */
  fix: string;
  /** Undefined: documented here but not matched to findings automatically (seen against the mock). */
  seenAs?: SeenAs;
}

const SDK = "doku-nodejs-library" as const;
const V = ["1.0.52"] as const;

/** Every known SDK defect, by id. */
export const SDK_DEFECTS: readonly SdkDefect[] = [
  {
    id: "sdk-no-timestamp-window",
    sdk: SDK,
    versions: V,
    defect:
      "validateSignature / validateSymmetricSignature check X-TIMESTAMP only as part of the signed string, never its age: a captured token request or callback replays forever",
    howToTell:
      "the merchant accepts a validly signed request whose X-TIMESTAMP is an hour old or ahead but refuses a tampered one",
    fix: "refuse |now - X-TIMESTAMP| > 5 min (401) before calling the SDK's validate functions",
    seenAs: {
      checks: ["forged-rejected"],
      mutators: ["stale-timestamp", "future-timestamp"],
      answered: "2xx",
    },
  },
  {
    id: "sdk-case-insensitive-signature",
    sdk: SDK,
    versions: V,
    defect:
      "compareSignaturesSymmetric / compareSignaturesV2 compare signatures after toLowerCase(): Base64 is case-sensitive, so a case-changed signature passes",
    howToTell:
      "only the case-folded-signature forgery is accepted; tampered bodies and wrong secrets are refused",
    fix: "compare the X-SIGNATURE you compute with the one received exactly (crypto.timingSafeEqual on the bytes)",
    seenAs: { checks: ["forged-rejected"], mutators: ["case-folded-signature"], answered: "2xx" },
  },
  {
    id: "sdk-crash-without-authorization",
    sdk: SDK,
    versions: V,
    defect:
      "validateTokenB2B calls startsWith on the Authorization header: a callback without Authorization throws (TypeError) and the server answers 500",
    howToTell: "only the missing-token forgery gets a 5xx; a wrong token is refused normally",
    fix: "treat a missing Authorization header as an invalid token (401) before calling validateTokenB2B",
    seenAs: {
      checks: ["forged-rejected", "no-5xx", "response-code", "response-body-valid"],
      mutators: ["missing-token"],
      answered: "5xx",
    },
  },
  {
    id: "sdk-numeric-notification-code",
    sdk: SDK,
    versions: V,
    defect:
      "generateNotificationResponse / generateInvalidTokenResponse answer responseCode as a JSON number with service code 27 (2002700, 4012701), also on a service-25 VA payment callback",
    howToTell: "the answer's responseCode is a number, not a 7-character string",
    fix: "write the answer yourself: a string responseCode with the callback's service code (e.g. 2002500, 4012500)",
    seenAs: {
      checks: ["response-code", "forged-rejected", "response-body-valid"],
      numericResponseCode: true,
    },
  },
  {
    id: "sdk-reserialised-body",
    sdk: SDK,
    versions: V,
    defect:
      "validateSignatureSymmetric hashes JSON.stringify of the parsed body, not the bytes received: a genuine callback whose JSON DOKU writes with other bytes (an escaped character) fails verification and is refused",
    howToTell:
      "on a SNAP flow only the escaped byte variant is refused; the pretty-printed and reordered ones (same bytes once minified and re-serialised) are accepted",
    fix: "hash the raw request body (minified: whitespace between tokens dropped) and sign POST:path:token:hash:X-TIMESTAMP with the SDK's generateExpectedSignature, before JSON.parse",
    seenAs: { checks: ["byte-variant-accepted"], variants: ["escaped"], answered: "4xx" },
  },
  {
    id: "sdk-token-never-refreshed",
    sdk: SDK,
    versions: V,
    defect:
      "isTokenInvalid passes (token, expiresIn, generatedAt) to isTokenExpired(expiresIn, generatedAt): the sum is a string, the comparison is always false, so an expired B2B token is never refreshed",
    howToTell:
      "against `doku-conformance mock --token-lifetime 5`, calls made more than 5 s after the first token get 401 and the client never asks /access-token/b2b again",
    fix: "call snap.getTokenB2B() yourself when expiresIn has passed, or on a 401 with an invalid-token code",
  },
  {
    id: "sdk-jumpapp-no-device-id",
    sdk: SDK,
    versions: V,
    defect:
      "doPaymentJumpApp reads requestHeaderDto.deviceId where the header object holds xDeviceId: X-DEVICE-ID is never sent on DANA / ShopeePay jump-app payments (doPayment sends it)",
    howToTell:
      "the payment-host-to-host request arrives without X-DEVICE-ID although deviceId was passed (a local server or proxy shows it); the mock accepts it, since the spec cannot make that header conditional on the channel",
    fix: "use doPayment with the deviceId argument for DANA, or add X-DEVICE-ID to the request yourself",
    seenAs: { checks: ["headers"], header: "X-DEVICE-ID" },
  },
];
