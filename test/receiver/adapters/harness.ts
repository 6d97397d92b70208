/**
 * Shared plumbing of the adapter tests: a non-SNAP notification signed over pretty-printed bytes (so a
 * re-serialising receiver fails), a handler on verifyDokuCallback, and a raw node:http client that can send a
 * header twice (fetch joins repeated headers into one).
 */
import { request as httpRequest } from "node:http";
import type { AnswerOperation } from "../../../src/receiver/index.js";
import {
  type CallbackHandler,
  nonSnapNotificationAck,
  refusalAnswer,
  verifyDokuCallback,
} from "../../../src/receiver/index.js";
import { signRequest } from "../../../src/signatures/request-signer.js";

export const CLIENT_ID = "MCH-0001-adapters";
export const SECRET_KEY = "SK-adapters";
export const PATH = "/payments/notifications";

const NOTIFICATION_OP: AnswerOperation = {
  id: "dokuVaNotification",
  auth: "nonsnap-hmac",
  responses: [],
  rules: [],
};

/** Pretty-printed JSON, signed over exactly these bytes. */
export function signedNotification(path = PATH): { headers: Record<string, string>; body: Buffer } {
  const body = JSON.stringify(
    { order: { invoice_number: "INV-1", amount: 150000 }, transaction: { status: "SUCCESS" } },
    null,
    2,
  );
  const signed = signRequest({
    auth: "nonsnap-hmac",
    method: "POST",
    path,
    body,
    headers: { "Request-Id": "req-1", "Content-Type": "application/json" },
    credentials: { clientId: CLIENT_ID, secretKey: SECRET_KEY },
  });
  return { headers: signed.headers, body: Buffer.from(body, "utf8") };
}

/** What the handler saw, for assertions. */
export interface Seen {
  bodies: Buffer[];
}

/** Verifies as nonsnap-hmac; answers 200, or the refusal with the verdict's rule in the body. */
export function handler(seen: Seen): CallbackHandler {
  return (request) => {
    seen.bodies.push(request.rawBody);
    const verdict = verifyDokuCallback({
      ...request,
      credentials: { clientId: CLIENT_ID, secretKey: SECRET_KEY },
      scheme: "nonsnap-hmac",
    });
    if (verdict.ok) return nonSnapNotificationAck();
    const answer = refusalAnswer(NOTIFICATION_OP, verdict);
    return { ...answer, headers: { ...answer.headers, "X-Refusal-Rule": verdict.rule } };
  };
}

/** One HTTP/1.1 request; a header given as a list is sent as separate header lines. */
export function send(
  base: string,
  path: string,
  headers: Record<string, string | string[]>,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: "POST" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    for (const [name, value] of Object.entries(headers)) req.setHeader(name, value);
    req.setHeader("Content-Length", String(body.length));
    req.end(body);
  });
}

/** The three cases every adapter passes. */
export async function adapterLaws(base: string, seen: Seen): Promise<void> {
  const { expect } = await import("vitest");
  const signed = signedNotification();
  const ok = await send(base, PATH, signed.headers, signed.body);
  expect(ok.status).toBe(200);
  expect(seen.bodies.at(-1)?.equals(signed.body)).toBe(true);

  const twice = {
    ...signed.headers,
    Signature: [String(signed.headers.Signature), String(signed.headers.Signature)],
  };
  const duplicated = await send(base, PATH, twice, signed.body);
  expect(duplicated.status).toBe(401);
  expect(duplicated.headers["x-refusal-rule"]).toBe("duplicate-header");

  const tampered = Buffer.from(signed.body.toString("utf8").replace("150000", "150001"));
  const forged = await send(base, PATH, signed.headers, tampered);
  expect(forged.status).toBe(401);
  expect(forged.headers["x-refusal-rule"]).toBe("signature-mismatch");
}
