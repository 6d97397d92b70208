/**
 * Who the mock believes the merchant is: the client id, the shared secret (non-SNAP Secret Key = SNAP client
 * secret) and the merchant's RSA public key that token requests are verified with. A generated test identity
 * also carries the private key, so a client (the runner, a test) can sign as that merchant.
 */
import { generateKeyPair, generateKeyPairSync, randomBytes, randomInt } from "node:crypto";
import { promisify } from "node:util";
import { UsageError } from "../model/errors.js";
import { publicKeyFromPem } from "../signatures/keys.js";

export interface MockIdentity {
  /** The merchant's DOKU Client-Id / X-CLIENT-KEY / X-PARTNER-ID. */
  clientId: string;
  /** HMAC key: non-SNAP Secret Key and SNAP client secret (DOKU issues one per client id). */
  secretKey: string;
  /** The merchant's RSA public key (PEM, SPKI): verifies the Get Token X-SIGNATURE. */
  merchantPublicKeyPem: string;
  /** The matching private key (PEM, PKCS#8); present only when the mock generated the identity. */
  merchantPrivateKeyPem?: string;
  /** Where it came from: "generated", "file", "env" or "options". */
  origin: "generated" | "file" | "env" | "options";
}

const KEY_OPTIONS = {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
} as const;

/** A fresh test identity: RSA-2048 key pair, a random secret and a client id shaped like DOKU's (BRN-0000-...). */
export function generateIdentity(): MockIdentity {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", KEY_OPTIONS);
  return withKeys(publicKey, privateKey);
}

/** generateIdentity with the key pair made on the thread pool (overlaps with loading at startup). */
export async function generateIdentityAsync(): Promise<MockIdentity> {
  const { publicKey, privateKey } = await promisify(generateKeyPair)("rsa", KEY_OPTIONS);
  return withKeys(publicKey, privateKey);
}

function withKeys(publicKey: string, privateKey: string): MockIdentity {
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
  return {
    clientId: `BRN-${digits(4)}-${digits(13)}`,
    secretKey: `SK-${randomBytes(15).toString("base64url")}`,
    merchantPublicKeyPem: publicKey,
    merchantPrivateKeyPem: privateKey,
    origin: "generated",
  };
}

/** Checks an identity's fields and key (UsageError naming the problem); returns it unchanged. */
export function checkIdentity(identity: MockIdentity, where: string): MockIdentity {
  for (const field of ["clientId", "secretKey", "merchantPublicKeyPem"] as const) {
    // From the environment a non-SNAP merchant has no RSA key: "" means SNAP tokens are refused.
    if (field === "merchantPublicKeyPem" && identity.origin === "env" && identity[field] === "")
      return identity;
    if (typeof identity[field] !== "string" || identity[field] === "") {
      throw new UsageError(`${where}: ${field} is missing or empty`);
    }
  }
  publicKeyFromPem(identity.merchantPublicKeyPem, `${where}: merchantPublicKeyPem`);
  return identity;
}
