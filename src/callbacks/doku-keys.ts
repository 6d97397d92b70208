/**
 * The DOKU-role RSA key pair: while the kit plays DOKU it signs the token request (and snap-rsa callbacks)
 * with this private key, so the merchant under test must be configured with its public half instead of
 * DOKU's real public key. Generated per run unless the caller gives a private key.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { asPrivateKey } from "../signatures/keys.js";

export interface DokuRoleKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM ("BEGIN PUBLIC KEY") of the public key: what the merchant configures as "DOKU public key". */
  publicKeyPem: string;
  /** True when the pair was generated for this run (not given with --doku-private-key). */
  generated: boolean;
}

/** Reads the given private key (PEM or KeyObject), or generates an RSA-2048 pair. */
export function dokuRoleKeys(privateKey?: KeyObject | string): DokuRoleKeys {
  const priv =
    privateKey === undefined
      ? generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey
      : asPrivateKey(privateKey, "DOKU-role private key (--doku-private-key)");
  const publicKey = createPublicKey(priv);
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  return { privateKey: priv, publicKey, publicKeyPem, generated: privateKey === undefined };
}
