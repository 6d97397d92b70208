/** The signature layer: DOKU non-SNAP and SNAP signatures, callback modes, verification and mutators. */

export type { CallbackModeInfo } from "./callback-modes.js";
export { CALLBACK_AUTH_MODES, DEFAULT_CALLBACK_AUTH_MODE, isCallbackAuthMode } from "./callback-modes.js";
export { constantTimeEqual } from "./constant-time.js";
export { bodyDigest, hasBody, hmacBase64, snapBodyHash, toBytes } from "./digest.js";
export type { AuthAnswer, SchemeFaults } from "./faults.js";
export { AUTH_MESSAGES, answerFor } from "./faults.js";
export { bearerToken, headerValue, withHeaders, withoutHeaders } from "./headers.js";
export { asPrivateKey, asPublicKey, privateKeyFromPem, publicKeyFromPem } from "./keys.js";
export { minifyJson, minifyJsonBytes } from "./minify.js";
export type { SignatureMutator } from "./mutators.js";
export {
  findMutator,
  headerAttackedBy,
  MUTATED_SKEW_MS,
  mutators,
  mutatorsFor,
  optionalTokenMutators,
} from "./mutators.js";
export type { NonSnapComponents } from "./nonsnap.js";
export { NONSNAP_SIGNATURE_PREFIX, nonSnapSignature, nonSnapStringToSign } from "./nonsnap.js";
export type { NonSnapResponseInput, NonSnapResponseVerifyOptions } from "./nonsnap-response.js";
export { signNonSnapResponse, verifyNonSnapResponse } from "./nonsnap-response.js";
export { defaultTimestamp, signRequest } from "./request-signer.js";
export { verifyRequest } from "./request-verifier.js";
export type {
  HeaderRole,
  MutatorName,
  RequestIdRule,
  SchemeFamily,
  SchemeHeaders,
  SignatureScheme,
} from "./scheme.js";
export {
  AUTH_SCHEMES,
  callbackScheme,
  headerOf,
  headersOfRole,
  isSnapScheme,
  proofHeader,
  SCHEMES,
  SIGNER_HEADERS,
  TOKEN_SCHEME,
  usesCallbackModes,
} from "./schemes.js";
export type { SnapTransactionalComponents } from "./snap-asymmetric.js";
export {
  rsaSignBase64,
  rsaVerifyBase64,
  snapTokenStringToSign,
  snapTransactionalStringToSign,
} from "./snap-asymmetric.js";
export type { SnapSymmetricComponents } from "./snap-symmetric.js";
export { snapSymmetricSignature, snapSymmetricStringToSign } from "./snap-symmetric.js";
export type { ParsedTimestamp } from "./timestamp.js";
export {
  checkTimestamp,
  DEFAULT_MAX_SKEW_MS,
  formatNonSnapTimestamp,
  formatSnapTimestamp,
  formatTimestamp,
  parseTimestamp,
  shiftTimestamp,
  WIB_OFFSET_MINUTES,
} from "./timestamp.js";
export type { MerchantTokenRequestInput } from "./token-handshake.js";
export {
  MERCHANT_TOKEN_REQUEST_BODY,
  signMerchantTokenRequest,
  verifyMerchantTokenRequest,
} from "./token-handshake.js";
export type {
  BodyBytes,
  CallbackAuthMode,
  Credentials,
  HeaderBag,
  ReceivedRequest,
  SignatureAuth,
  SignedRequest,
  Signer,
  SignInput,
  VerifyOptions,
  VerifyResult,
  VerifyRule,
} from "./types.js";
