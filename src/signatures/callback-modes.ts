/**
 * How DOKU authenticates its calls to the merchant (research §2.4, §10.1) is not settled by DOKU's own
 * material, so each reading is a named, selectable mode. None is confirmed against the DOKU sandbox.
 */
import { SCHEMES } from "./schemes.js";
import type { CallbackAuthMode } from "./types.js";

/** What a callback mode sends and which source it follows. */
export interface CallbackModeInfo {
  mode: CallbackAuthMode;
  summary: string;
  /** The string the X-SIGNATURE covers, or "none". */
  signs: string;
  /** Key that signs (as DOKU) and key that verifies (as the merchant). */
  keys: string;
  source: string;
}

/** The three readings, keyed by mode name. */
export const CALLBACK_AUTH_MODES: Readonly<Record<CallbackAuthMode, CallbackModeInfo>> = {
  "snap-hmac": {
    mode: "snap-hmac",
    summary: SCHEMES["snap-hmac"].summary,
    signs: "METHOD:merchantPath:accessToken:sha256hex(minified body):X-TIMESTAMP",
    keys: "the merchant's DOKU Secret Key (clientSecret) on both sides",
    source:
      "DOKU docs (D-SIG-SNAP, D-SIG-SYM, SEED-BNI/D-NOTIF-SNAP header tables); which token enters the string is " +
      "undocumented: default the bearer token sent, configurable (SDK-NODE uses the merchant's own DOKU token)",
  },
  "snap-rsa": {
    mode: "snap-rsa",
    summary: SCHEMES["snap-rsa"].summary,
    signs: "METHOD:merchantPath:sha256hex(minified body):X-TIMESTAMP",
    keys: "DOKU's RSA private key signs; the merchant verifies with DOKU's public key",
    source: "the legacy real-looking notification sample (L-NOTIF-SNAP: 256-byte signature) and D-SIG-ASYM",
  },
  "bearer-only": {
    mode: "bearer-only",
    summary: SCHEMES["bearer-only"].summary,
    signs: "none",
    keys: "the merchant checks only that it issued the token",
    source: "DOKU's SDKs (validateTokenB2B / validateTokenAndGenerateNotificationResponse)",
  },
};

/** The mode the docs prescribe. */
export const DEFAULT_CALLBACK_AUTH_MODE: CallbackAuthMode = "snap-hmac";

/** True for "snap-hmac", "snap-rsa", "bearer-only". */
export function isCallbackAuthMode(value: string): value is CallbackAuthMode {
  return Object.hasOwn(CALLBACK_AUTH_MODES, value);
}
