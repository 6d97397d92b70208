/** Test helpers: real HTTP over 127.0.0.1, requests signed with src/signatures as a merchant would. */
import { request as httpRequest } from "node:http";
import type { MockIdentity } from "../../src/mock/index.js";
import type { Operation, SpecBundle } from "../../src/model/operation.js";
import { type SignedRequest, type SignInput, signRequest } from "../../src/signatures/index.js";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

/** Sends exactly `method path headers body` and reads the whole answer (no keep-alive). */
export function send(
  baseUrl: string,
  req: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Answer> {
  const url = new URL(req.path, baseUrl);
  const headers = { ...req.headers };
  // node:http sends a DELETE body without Content-Length unless told; real clients set it.
  if (req.body !== undefined && req.body.length > 0)
    headers["Content-Length"] = String(Buffer.byteLength(req.body));
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on("error", reject);
      },
    );
    r.on("error", reject);
    r.end(req.body);
  });
}

/** Sends a SignedRequest. */
export function sendSigned(baseUrl: string, signed: SignedRequest): Promise<Answer> {
  return send(baseUrl, {
    method: signed.method,
    path: signed.path,
    headers: signed.headers,
    body: signed.body,
  });
}

let counter = 0;
/** A numeric X-EXTERNAL-ID unique within the test process. */
export function externalId(): string {
  counter += 1;
  return `${Date.now()}${String(counter).padStart(6, "0")}`;
}

/** A unique suffix for trxIds, invoice numbers and customer numbers. */
export function unique(): string {
  counter += 1;
  return `${process.pid}${counter}`.slice(-12);
}

export function op(bundle: SpecBundle, id: string): Operation {
  const found = bundle.operations.find((o) => o.id === id);
  if (found === undefined) throw new Error(`no operation ${id}`);
  return found;
}

/** The Get Token B2B request for `identity`, signed with its private key. */
export function tokenInput(bundle: SpecBundle, identity: MockIdentity, timestamp?: string): SignInput {
  const o = op(bundle, "snapGetTokenB2b");
  return {
    auth: "snap-asymmetric-token",
    method: o.method,
    path: o.path,
    body: JSON.stringify({ grantType: "client_credentials" }),
    headers: { "Content-Type": "application/json" },
    credentials: { clientId: identity.clientId, privateKey: identity.merchantPrivateKeyPem as string },
    ...(timestamp === undefined ? {} : { timestamp }),
  };
}

/** Fetches a B2B token from the mock. */
export async function fetchToken(
  baseUrl: string,
  bundle: SpecBundle,
  identity: MockIdentity,
): Promise<string> {
  const answer = await sendSigned(baseUrl, signRequest(tokenInput(bundle, identity)));
  if (answer.status !== 200) throw new Error(`token request failed: ${answer.status} ${answer.text}`);
  return answer.json.accessToken as string;
}

/** A SNAP transactional request, signed, with the required non-signature headers filled in. */
export function snapInput(
  operation: Operation,
  identity: MockIdentity,
  token: string,
  body: unknown,
  extra: Record<string, string> = {},
): SignInput {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-PARTNER-ID": identity.clientId,
    "X-EXTERNAL-ID": externalId(),
    ...(declares(operation, "CHANNEL-ID") ? { "CHANNEL-ID": "H2H" } : {}),
    ...(declares(operation, "X-DEVICE-ID") ? { "X-DEVICE-ID": "device01" } : {}),
    ...extra,
  };
  return {
    auth: "snap-symmetric",
    method: operation.method,
    path: operation.path,
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers,
    credentials: { clientId: identity.clientId, secretKey: identity.secretKey },
    accessToken: token,
  };
}

/** A non-SNAP request (Client-Id, Request-Id, Request-Timestamp, Signature). */
export function nonSnapInput(
  operation: Operation,
  identity: MockIdentity,
  body: unknown,
  path: string = operation.path,
  extra: Record<string, string> = {},
): SignInput {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  return {
    auth: "nonsnap-hmac",
    method: operation.method,
    path,
    body: text,
    headers: { ...(text === "" ? {} : { "Content-Type": "application/json" }), ...extra },
    credentials: { clientId: identity.clientId, secretKey: identity.secretKey },
  };
}

function declares(operation: Operation, name: string): boolean {
  const props = operation.request.headers?.schema.properties as Record<string, unknown> | undefined;
  return props !== undefined && Object.keys(props).some((k) => k.toLowerCase() === name.toLowerCase());
}

/** The first request example of an operation. */
export function example(operation: Operation, name?: string): Record<string, unknown> {
  const found =
    name === undefined
      ? operation.request.examples[0]
      : operation.request.examples.find((e) => e.name === name);
  if (found === undefined) throw new Error(`${operation.id} has no request example ${name ?? ""}`);
  return structuredClone(found.value) as Record<string, unknown>;
}
