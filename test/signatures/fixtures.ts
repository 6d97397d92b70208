/** Real RSA key pairs and a few fixed inputs shared by the signature tests. */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type { Credentials, SignatureAuth, SignInput } from "../../src/signatures/index.js";

export interface RsaPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  pkcs8: string;
  pkcs1: string;
  spki: string;
}

export function rsaPair(bits = 2048): RsaPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  return {
    privateKey,
    publicKey,
    pkcs8: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    pkcs1: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    spki: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

export const SECRET = "SK-tDzY6MSLBWlNXy3qCsUU";
export const CLIENT_ID = "MCH-0001-10791114622547";
export const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJET0tVIn0.c2ln";
export const SNAP_BODY =
  '{"partnerServiceId":"  088899","customerNo":"12345678901234567890","virtualAccountNo":"  08889912345678901234567890","virtualAccountName":"Jokul Doe","virtualAccountEmail":"jokul@email.com","virtualAccountPhone":"6281828384858","trxId":"abcdefgh1234","totalAmount":{"value":"12345678.00","currency":"IDR"}}';
export const NONSNAP_BODY =
  '{"order":{"invoice_number":"INV-20210124-0001","amount":150000},"virtual_account_info":{"billing_type":"FIX_BILL","expired_time":60,"reusable_status":false,"info1":"Merchant Demo Store"},"customer":{"name":"Anton Budiman","email":"anton@example.com"}}';

export const ALL_AUTHS: readonly SignatureAuth[] = [
  "snap-symmetric",
  "snap-asymmetric-token",
  "nonsnap-hmac",
  "snap-hmac",
  "snap-rsa",
  "bearer-only",
];

/** Credentials for both sides of one scheme: the signer's and the verifier's. */
export function credentialsFor(keys: RsaPair): { signer: Credentials; verifier: Credentials } {
  return {
    signer: { clientId: CLIENT_ID, secretKey: SECRET, privateKey: keys.privateKey },
    verifier: { clientId: CLIENT_ID, secretKey: SECRET, publicKey: keys.publicKey },
  };
}

/** A valid input for `auth` with the given body and timestamp. */
export function inputFor(auth: SignatureAuth, keys: RsaPair, body: string, timestamp?: string): SignInput {
  const isNonSnap = auth === "nonsnap-hmac";
  return {
    auth,
    method: "POST",
    path: isNonSnap
      ? "/doku-virtual-account/v2/payment-code"
      : "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va",
    body,
    headers: { "Content-Type": "application/json", ...(isNonSnap ? {} : { "X-PARTNER-ID": CLIENT_ID }) },
    credentials: credentialsFor(keys).signer,
    accessToken: TOKEN,
    ...(timestamp === undefined ? {} : { timestamp }),
  };
}
