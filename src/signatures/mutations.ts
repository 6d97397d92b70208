/** Small value rewrites the mutators are built from; each is guaranteed to change what it is given. */
import { generateKeyPair, generateKeyPairSync, type KeyObject } from "node:crypto";
import { minifyJson } from "./minify.js";

/** Replaces the first letter or digit with a different one; "" becomes "{}", no alphanumerics: appends "0". */
export function tamperBody(body: string): string {
  if (body === "") return "{}";
  const at = body.search(/[A-Za-z0-9]/);
  if (at < 0) return `${body}0`;
  const c = body[at]!;
  const swapped = /\d/.test(c)
    ? String((Number(c) + 1) % 10)
    : c === "z"
      ? "a"
      : c === "Z"
        ? "A"
        : String.fromCharCode(c.charCodeAt(0) + 1);
  return body.slice(0, at) + swapped + body.slice(at + 1);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Writes the first character of the first string literal of compact JSON as a \uXXXX escape. */
function escapeFirstStringChar(compact: string): string | undefined {
  const at = compact.indexOf('"');
  const c = compact[at + 1];
  if (at < 0 || c === undefined || c === '"' || c === "\\") return undefined;
  const escaped = `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  return compact.slice(0, at + 1) + escaped + compact.slice(at + 2);
}

/**
 * The same JSON value written differently, so that even SNAP minification sees other bytes: top-level keys
 * in reverse order, else a string character escaped. Falls back to tamperBody when neither is possible
 * (empty, unparseable or string-free bodies).
 */
export function reserialiseBody(body: string): string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return tamperBody(body);
  }
  const candidates: (string | undefined)[] = [];
  if (isPlainObject(value) && Object.keys(value).length > 1) {
    candidates.push(JSON.stringify(Object.fromEntries(Object.entries(value).reverse()), null, 2));
  }
  candidates.push(escapeFirstStringChar(JSON.stringify(value)));
  const changed = candidates.find((c) => c !== undefined && minifyJson(c) !== minifyJson(body));
  return changed ?? tamperBody(body);
}

/** Swaps the case of every letter (Base64 is case-sensitive; some SDKs compare case-insensitively). */
export function swapCase(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()));
}

/** Lowercase hex of a Base64 value. */
export function base64ToHex(value: string): string {
  return Buffer.from(value, "base64").toString("hex");
}

/** Another method whose signature would differ: POST -> PUT, anything else -> POST. */
export function otherMethod(method: string): string {
  return method === "POST" ? "PUT" : "POST";
}

/** Another path: one more segment. */
export function otherPath(path: string): string {
  const query = path.indexOf("?");
  return query < 0 ? `${path}/x` : `${path.slice(0, query)}/x${path.slice(query)}`;
}

/** An unsigned JWT (alg "none") nobody issued: base64url header and claims, empty signature part. */
export function foreignToken(clientId = "unknown-client"): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part({ iss: "doku-conformance", clientId, exp: 4102444800 })}.`;
}

let strangerKey: KeyObject | undefined;

/** An RSA-2048 private key no party knows; generated once per process. */
export function strangerPrivateKey(): KeyObject {
  strangerKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  return strangerKey;
}

/**
 * Generates the stranger key on the thread pool (off the event loop), so that a run with signature cases
 * finds it ready instead of spending a few hundred milliseconds of its own thread on it. Resolves with the
 * key strangerPrivateKey will return; never rejects: on a failure (undefined) strangerPrivateKey generates
 * the key when first asked.
 */
export function prepareStrangerKey(): Promise<KeyObject | undefined> {
  if (strangerKey) return Promise.resolve(strangerKey);
  return new Promise((resolve) => {
    generateKeyPair("rsa", { modulusLength: 2048 }, (error, _publicKey, privateKey) => {
      if (!error) strangerKey ??= privateKey;
      resolve(strangerKey);
    });
  });
}
