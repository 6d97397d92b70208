/**
 * Reference merchant built from doku-nodejs-library's helpers (SNAP VA inquiry, VA payment notification,
 * DANA payment notification): the token endpoint is the SDK's validateSignature + generateTokenB2B, and a
 * callback is verified with the SDK's validateTokenB2B (the JWT the endpoint issued) and, in the snap-hmac
 * mode, its symmetric signature. With `guards` (the default) the minimal guards of ./guards.ts sit around
 * those helpers and `doku-conformance callback` certifies it; with `guards: false` it is what the SDK's
 * README builds, and every finding names an SDK defect (docs/callbacks.md "If you use DOKU's SDK").
 *
 *   DOKU_CLIENT_ID=... DOKU_SECRET_KEY=... DOKU_PUBLIC_KEY_FILE=doku-public.pem FLOW=snap-va-payment \
 *     [GUARDS=off] node --import tsx examples/merchants/sdk-guarded/merchant.ts
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { header, parseJson, rawBody, sendJson } from "../lib/http.js";
import { runFromEnv } from "../lib/main.js";
import { answer, type SdkFlow } from "./answers.js";
import { exactSymmetricSignature, hasAuthorization, withinWindow } from "./guards.js";
import { type SdkRequest, tokenController } from "./sdk.js";

export const TOKEN_PATH = "/v1.0/access-token/b2b";

export interface SdkMerchantConfig {
  clientId: string;
  secretKey: string;
  /** PEM of DOKU's public key (verifies the token request). */
  dokuPublicKeyPem: string;
  /** snap-hmac: the SDK's symmetric signature is checked too; bearer-only: the token alone. */
  callbackAuth: "snap-hmac" | "bearer-only";
  /** Default true: the minimal guards around the SDK. */
  guards?: boolean;
}

/** The SDK's request shape over a node request and its parsed body. */
function sdkRequest(req: IncomingMessage, body: unknown): SdkRequest {
  return { get: (name) => header(req, name), body };
}

export function createSdkMerchant(flow: SdkFlow, config: SdkMerchantConfig): Server {
  const guarded = config.guards ?? true;
  // The merchant's own pair: the SDK signs the tokens it issues (JWT, RS256) and verifies them with it.
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const answered = new Map<string, { status: number; body: unknown }>();
  const reply = (res: ServerResponse, a: { status: number; body: unknown }) =>
    sendJson(res, a.status, a.body);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await rawBody(req);
    const json = parseJson(raw);
    const request = sdkRequest(req, json);
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === TOKEN_PATH) {
      const fresh = !guarded || withinWindow(header(req, "x-timestamp"));
      const valid =
        fresh && tokenController.validateSignature(config.clientId, request, config.dokuPublicKeyPem);
      const dto = valid
        ? tokenController.generateTokenB2B(900, "merchant", privateKey, config.clientId)
        : tokenController.generateInvalidSignatureResponse();
      const { header: h, body } = dto.toObject();
      const headers = Object.fromEntries(
        Object.entries(h).filter((e): e is [string, string] => e[1] !== null),
      );
      sendJson(res, valid ? 200 : 401, body, headers);
      return;
    }
    const authorization = header(req, "authorization");
    const timestamp = header(req, "x-timestamp") ?? "";
    const token = (authorization ?? "").replace(/^Bearer /, "");
    let ok: boolean;
    if (guarded) {
      ok =
        hasAuthorization(authorization) &&
        withinWindow(timestamp) &&
        Boolean(tokenController.validateTokenB2B(authorization, publicKey)) &&
        (config.callbackAuth === "bearer-only" ||
          exactSymmetricSignature(header(req, "x-signature"), {
            path,
            token,
            raw,
            timestamp,
            secretKey: config.secretKey,
          }));
    } else {
      // As the SDK's README: validateTokenB2B throws on a missing header (the server answers 500).
      ok =
        Boolean(tokenController.validateTokenB2B(authorization, publicKey)) &&
        (config.callbackAuth === "bearer-only" ||
          tokenController.validateSignatureSymmetric(request, token, config.secretKey, path));
    }
    const externalId = header(req, "x-external-id") ?? "";
    const previous = ok ? answered.get(externalId) : undefined;
    if (previous !== undefined) {
      reply(res, previous);
      return;
    }
    const a = answer(flow, ok, json, guarded);
    if (ok && a.status < 300) answered.set(externalId, a);
    reply(res, a);
  };
  // What express does with a handler that throws: 500, the server keeps running.
  return createServer((req, res) => {
    handle(req, res).catch(() => {
      if (res.headersSent) return;
      res.writeHead(500, { "Content-Type": "text/html; charset=utf-8" }).end("Internal Server Error");
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flow = (process.env.FLOW ?? "snap-va-payment") as SdkFlow;
  const paths: Record<SdkFlow, string> = {
    "snap-va-inquiry": "/v1.1/transfer-va/inquiry",
    "snap-va-payment": "/v1.1/transfer-va/payment",
    "dana-payment": "/v1.0/debit/notify",
  };
  runFromEnv(paths[flow], 8086, (env) => {
    if (env.dokuPublicKeyPem === undefined) throw new Error("set DOKU_PUBLIC_KEY_FILE");
    return createSdkMerchant(flow, {
      clientId: env.clientId,
      secretKey: env.secretKey,
      dokuPublicKeyPem: env.dokuPublicKeyPem,
      callbackAuth: env.callbackAuth === "bearer-only" ? "bearer-only" : "snap-hmac",
      guards: process.env.GUARDS !== "off",
    });
  });
}
