/**
 * SNAP callbacks for a merchant: the token endpoint DOKU calls first, and the checks on each inquiry /
 * notification. How DOKU signs SNAP callbacks is not settled by its docs, so the mode is configuration:
 *
 *   snap-hmac    X-SIGNATURE = Base64(HMAC-SHA512(secretKey,
 *                  "POST:" + path + ":" + bearerToken + ":" + hex(SHA-256(minified body)) + ":" + X-TIMESTAMP))
 *   snap-rsa     X-SIGNATURE = Base64(SHA256withRSA by DOKU,
 *                  "POST:" + path + ":" + hex(SHA-256(minified body)) + ":" + X-TIMESTAMP), DOKU public key
 *   bearer-only  no X-SIGNATURE; only the bearer token is checked
 *
 * "Minified" removes whitespace between JSON tokens only, scanning the raw bytes: string contents, escapes
 * and key order stay as received. Do not JSON.parse + JSON.stringify to minify.
 */
import {
  createHash,
  createHmac,
  createPublicKey,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
  verify,
} from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { freshTimestamp, header, rawBody, sendJson } from "./http.js";
import type { MerchantEnv } from "./main.js";

export type CallbackAuth = "snap-hmac" | "snap-rsa" | "bearer-only";

export interface SnapConfig {
  clientId: string;
  secretKey: string;
  /** The DOKU public key (from the DOKU Dashboard; for a certification run, the kit's DOKU-role key). */
  dokuPublicKey: KeyObject;
  callbackAuth: CallbackAuth;
  /** snap-rsa only: false when DOKU sends no bearer token (no token endpoint). Default true. */
  requireToken?: boolean;
}

/** Tokens this merchant issued to DOKU, with their expiry (ms). */
/** The SNAP configuration from the command line's environment (DOKU_PUBLIC_KEY_FILE is required). */
export function snapConfigOf(env: MerchantEnv): SnapConfig {
  if (env.dokuPublicKeyPem === undefined) throw new Error("set DOKU_PUBLIC_KEY_FILE");
  return {
    ...env,
    callbackAuth: env.callbackAuth as CallbackAuth,
    dokuPublicKey: createPublicKey(env.dokuPublicKeyPem),
  };
}

export class IssuedTokens {
  private readonly tokens = new Map<string, number>();
  issue(lifetimeSeconds: number): string {
    const token = randomBytes(32).toString("base64url");
    this.tokens.set(token, Date.now() + lifetimeSeconds * 1000);
    return token;
  }
  valid(token: string | undefined): boolean {
    const expires = token === undefined ? undefined : this.tokens.get(token);
    return expires !== undefined && expires > Date.now();
  }
}

/** Whitespace outside JSON strings removed, byte for byte otherwise. */
export function minify(body: Buffer): Buffer {
  const out: number[] = [];
  let inString = false;
  let escaped = false;
  for (const byte of body) {
    if (inString) {
      out.push(byte);
      if (escaped) escaped = false;
      else if (byte === 0x5c) escaped = true;
      else if (byte === 0x22) inString = false;
    } else if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) {
      out.push(byte);
      if (byte === 0x22) inString = true;
    }
  }
  return Buffer.from(out);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The token endpoint: X-SIGNATURE = SHA256withRSA(X-CLIENT-KEY + "|" + X-TIMESTAMP) by DOKU's key.
 * Answers 2007300 with a fresh token, or 401 4017300.
 */
export function answerTokenRequest(
  req: IncomingMessage,
  res: ServerResponse,
  config: SnapConfig,
  tokens: IssuedTokens,
): void {
  const clientKey = header(req, "X-CLIENT-KEY");
  const timestamp = header(req, "X-TIMESTAMP");
  const signature = header(req, "X-SIGNATURE") ?? "";
  const signed = Buffer.from(`${clientKey}|${timestamp}`, "utf8");
  const bytes = Buffer.from(signature, "base64");
  const ok =
    clientKey === config.clientId &&
    freshTimestamp(timestamp) &&
    bytes.toString("base64") === signature &&
    verify("sha256", signed, config.dokuPublicKey, bytes);
  if (!ok) {
    sendJson(res, 401, { responseCode: "4017300", responseMessage: "Unauthorized. Invalid Signature" });
    return;
  }
  const expiresIn = 900;
  sendJson(res, 200, {
    responseCode: "2007300",
    responseMessage: "Successful",
    accessToken: tokens.issue(expiresIn),
    tokenType: "Bearer",
    expiresIn,
  });
}

/** Why a SNAP callback does not authenticate, or undefined when it does. `body` are the raw bytes received. */
export function verifyDokuCallback(
  req: IncomingMessage,
  body: Buffer,
  config: SnapConfig,
  tokens: IssuedTokens,
): string | undefined {
  const token = /^Bearer (\S+)$/.exec(header(req, "Authorization") ?? "")?.[1];
  const timestamp = header(req, "X-TIMESTAMP");
  const tokenRequired = config.callbackAuth !== "snap-rsa" || config.requireToken !== false;
  if (tokenRequired && !tokens.valid(token)) return "Authorization bearer token missing or not issued by us";
  if (!freshTimestamp(timestamp)) return "X-TIMESTAMP missing or outside the allowed window";
  if (config.callbackAuth === "bearer-only") return undefined;
  const signature = header(req, "X-SIGNATURE") ?? "";
  const path = req.url ?? "/";
  const bodyHash = createHash("sha256").update(minify(body)).digest("hex");
  if (config.callbackAuth === "snap-hmac") {
    const message = `POST:${path}:${token}:${bodyHash}:${timestamp}`;
    const expected = createHmac("sha512", config.secretKey).update(message).digest("base64");
    return same(signature, expected) ? undefined : "X-SIGNATURE does not match";
  }
  const bytes = Buffer.from(signature, "base64");
  const message = Buffer.from(`POST:${path}:${bodyHash}:${timestamp}`, "utf8");
  const ok =
    bytes.length > 0 &&
    bytes.toString("base64") === signature &&
    verify("sha256", message, config.dokuPublicKey, bytes);
  return ok ? undefined : "X-SIGNATURE does not verify with the DOKU public key";
}

/** Where these reference merchants serve the token endpoint DOKU calls first (BI-SNAP path; DOKU documents none). */
export const TOKEN_PATH = "/v1.0/access-token/b2b";

/**
 * A SNAP callback server: answers DOKU's token request at TOKEN_PATH, refuses a callback that does not
 * authenticate with 401 and `unauthorizedCode(problem)` BEFORE anything is processed, and hands an
 * authenticated one, with its raw body bytes, to `handle`.
 */
export function snapCallbackServer(
  config: SnapConfig,
  unauthorizedCode: (problem: string) => string,
  handle: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void,
): Server {
  const tokens = new IssuedTokens();
  return createServer(async (req, res) => {
    const body = await rawBody(req);
    if (req.url === TOKEN_PATH) {
      answerTokenRequest(req, res, config, tokens);
      return;
    }
    const problem = verifyDokuCallback(req, body, config, tokens);
    if (problem !== undefined) {
      sendJson(res, 401, {
        responseCode: unauthorizedCode(problem),
        responseMessage: `Unauthorized. ${problem}`,
      });
      return;
    }
    handle(req, res, body);
  });
}
