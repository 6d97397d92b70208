/**
 * Non-SNAP (DOKU VA v2) callbacks for a merchant, on the kit's receiver: verifyDokuCallback checks DOKU's
 * Inquiry / HTTP Notification request (HMAC-SHA256 with the merchant's Secret Key over the Client-Id,
 * Request-Id, Request-Timestamp, Request-Target and Digest lines, over the raw bytes; exact constant-time
 * compare; ±5 minute window), and dokuAnswers signs the Direct Inquiry answer (Response-Timestamp variant).
 * In your own code, import the same names from "doku-conformance".
 */
import { createServer, type Server } from "node:http";
import {
  type DokuAnswer,
  dokuAnswers,
  nodeCallbackHandler,
  type ReceivedCallback,
  verifyDokuCallback,
  type WebhookId,
} from "../../../conformance/index.js";

export interface NonSnapConfig {
  clientId: string;
  secretKey: string;
}

/** The business part: runs only for a request that verified, with its parsed body. */
export type NonSnapHandler = (request: ReceivedCallback, body: unknown) => DokuAnswer;

/** A non-SNAP callback server for `operation`: refuses what does not verify (401, nothing processed). */
export function nonSnapCallbackServer(
  config: NonSnapConfig,
  operation: WebhookId,
  handle: NonSnapHandler,
): Server {
  return createServer(
    nodeCallbackHandler((request) => {
      const verdict = verifyDokuCallback({ ...request, credentials: config, scheme: "nonsnap-hmac" });
      return verdict.ok ? handle(request, verdict.body) : dokuAnswers.refusal(operation, verdict);
    }),
  );
}
