/**
 * certifyCallback options, their defaults (kit policy, documented in docs/callbacks.md) and validation.
 * Invalid values are UsageErrors (exit 2) naming the flag.
 */
import type { KeyObject } from "node:crypto";
import { resolve } from "node:path";
import type { RunListener } from "../engine/events.js";
import type { Transport } from "../engine/transport.js";
import { UsageError } from "../model/errors.js";
import type { SpecBundle } from "../model/operation.js";
import { DEFAULT_CALLBACK_AUTH_MODE, isCallbackAuthMode } from "../signatures/callback-modes.js";
import { usesCallbackModes } from "../signatures/schemes.js";
import type { CallbackAuthMode } from "../signatures/types.js";
import type { BodySource } from "./bodies.js";
import { type Flow, requireFlow } from "./flows.js";

/** Kit policy: a merchant answer slower than this is a `latency` violation (DOKU documents no timeout). */
export const DEFAULT_LATENCY_BUDGET_MS = 5000;
/** Kit policy: a request without an answer after this long is a transport failure (a hang). */
export const DEFAULT_CALLBACK_TIMEOUT_MS = 30_000;
/** Valid generated (property) callbacks per run when --cases is not given. */
export const DEFAULT_CALLBACK_CASES = 20;

export interface CertifyOptions {
  bundle: SpecBundle;
  /** The merchant endpoint (Inquiry URL or Notification URL). */
  url: string;
  flow: string;
  /** SNAP only: the merchant's token URL; the kit performs the handshake first. */
  tokenUrl?: string;
  /** SNAP only; default snap-hmac (the docs' reading). */
  callbackAuth?: string;
  /** SNAP: bearer token to send when there is no --token-url (the merchant must accept it). */
  accessToken?: string;
  /** snap-hmac: the token in the string to sign when it is not the bearer (SDK-NODE reading). */
  signatureAccessToken?: string;
  clientId: string;
  /** The merchant's Secret Key that DOKU signs with (DOKU_SECRET_KEY). */
  secretKey: string;
  /** DOKU-role private key (PEM or KeyObject); generated per run when absent. */
  dokuPrivateKey?: KeyObject | string;
  /** Property-generated valid callbacks; default 20. */
  cases?: number;
  seed?: number;
  /** Exact text of a callback body the merchant knows (--body): the probe, and the base of forged cases. */
  body?: string;
  latencyBudgetMs?: number;
  requestTimeoutMs?: number;
  strict?: boolean;
  /** Test hook: GET <ledgerUrl>?key=<idempotency key> -> {"processed": n} (docs/callbacks.md). */
  ledgerUrl?: string;
  /** Where replays are written (report files are the reporters'); default ./conformance-report. */
  outputDir?: string;
  cwd?: string;
  transport?: Transport;
  /** Boundary and property bodies; default the arbitraries-backed source. */
  bodySource?: BodySource;
  listeners?: readonly RunListener[];
  signal?: AbortSignal;
  version?: string;
  /** Flags for the rerun line that only the caller knows (e.g. ["--body", "bill.json"]). */
  rerunFlags?: readonly (readonly [string, string])[];
}

export interface ResolvedCertifyOptions {
  bundle: SpecBundle;
  url: URL;
  flow: Flow;
  tokenUrl: URL | undefined;
  callbackAuth: CallbackAuthMode;
  cases: number;
  latencyBudgetMs: number;
  requestTimeoutMs: number;
  outputDir: string;
  cwd: string;
}

function httpUrl(text: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      `${flag} ${text}: not a URL; expected e.g. http://127.0.0.1:8080/payments/notifications`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`${flag} ${text}: expected an http:// or https:// URL`);
  }
  return url;
}

function whole(value: number, flag: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${flag} ${value}: expected a whole number >= ${min}`);
  }
  return value;
}

/** Applies defaults and validates every option. */
export function resolveCertifyOptions(options: CertifyOptions): ResolvedCertifyOptions {
  const flow = requireFlow(options.bundle, options.flow);
  const url = httpUrl(options.url, "--url");
  if (options.clientId === "")
    throw new UsageError("the merchant's client id is missing: set DOKU_CLIENT_ID or --client-id");
  if (options.secretKey === "") {
    throw new UsageError(
      "the merchant's secret key is missing: set DOKU_SECRET_KEY (DOKU signs callbacks with it)",
    );
  }
  const snapOnly = {
    "--token-url": options.tokenUrl,
    "--callback-auth": options.callbackAuth,
    "--access-token": options.accessToken,
  };
  if (!usesCallbackModes(flow.family)) {
    const given = Object.entries(snapOnly).find(([, v]) => v !== undefined);
    if (given)
      throw new UsageError(
        `${given[0]} applies to SNAP flows only; ${flow.name} is signed with the non-SNAP HMAC`,
      );
  }
  const mode = options.callbackAuth ?? DEFAULT_CALLBACK_AUTH_MODE;
  if (!isCallbackAuthMode(mode)) {
    throw new UsageError(`--callback-auth ${mode}: expected snap-hmac, snap-rsa or bearer-only`);
  }
  if (options.tokenUrl !== undefined && options.accessToken !== undefined) {
    throw new UsageError("--token-url and --access-token exclude each other: the handshake issues the token");
  }
  const cwd = options.cwd ?? process.cwd();
  return {
    bundle: options.bundle,
    url,
    flow,
    tokenUrl: options.tokenUrl === undefined ? undefined : httpUrl(options.tokenUrl, "--token-url"),
    callbackAuth: mode,
    cases: whole(options.cases ?? DEFAULT_CALLBACK_CASES, "--cases", 0),
    latencyBudgetMs: whole(options.latencyBudgetMs ?? DEFAULT_LATENCY_BUDGET_MS, "--latency-budget", 1),
    requestTimeoutMs: whole(options.requestTimeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS, "--timeout", 1),
    outputDir: resolve(cwd, options.outputDir ?? "conformance-report"),
    cwd,
  };
}
