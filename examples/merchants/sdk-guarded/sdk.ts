/**
 * The doku-nodejs-library helpers the SDK-built merchant uses, loaded from the installed package (a
 * devDependency of this repository; `npm i doku-nodejs-library` in yours) with the few types we rely on.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The request shape the SDK's validate functions read (express-like: `get(header)` and a parsed body). */
export interface SdkRequest {
  get(name: string): string | undefined;
  body: unknown;
}

/** The NotificationTokenDto the SDK builds for a token answer. */
export interface SdkTokenAnswer {
  toObject(): { header: Record<string, string | null>; body: Record<string, unknown> };
}

interface TokenControllerT {
  validateSignature(clientId: string, request: SdkRequest, dokuPublicKey: string): boolean;
  validateSignatureSymmetric(request: SdkRequest, token: string, secretKey: string, path: string): boolean;
  generateTokenB2B(expiresIn: number, issuer: string, privateKey: string, clientId: string): SdkTokenAnswer;
  generateInvalidSignatureResponse(): SdkTokenAnswer;
  validateTokenB2B(authorization: string | undefined, publicKey: string): unknown;
}

interface TokenServiceT {
  generateSymmetricSignature(
    method: string,
    path: string,
    token: string,
    body: unknown,
    timestamp: string | undefined,
    secretKey: string,
  ): string;
  generateExpectedSignature(stringToSign: string, secretKey: string): string;
}

interface NotificationServiceT {
  generateNotificationResponse(body: unknown): { responseCode: unknown; responseMessage: string };
  generateInvalidTokenResponse(body: unknown): { responseCode: unknown; responseMessage: string };
}

const TokenController =
  require("doku-nodejs-library/_controllers/tokenController.js") as new () => TokenControllerT;

/** The SDK's TokenController (token request and callback verification). */
export const tokenController: TokenControllerT = new TokenController();
/** The SDK's TokenService (signature helpers). */
export const tokenService = require("doku-nodejs-library/_services/tokenService.js") as TokenServiceT;
/** The SDK's notification acknowledgements. */
export const notificationService =
  require("doku-nodejs-library/_services/notificationService.js") as NotificationServiceT;
