/**
 * RSA keys from PEM: PKCS#8 ("BEGIN PRIVATE KEY") and PKCS#1 ("BEGIN RSA PRIVATE KEY") private keys, SPKI
 * and PKCS#1 public keys. Anything else is a UsageError with one line that never shows key material.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { BoundedMap } from "../model/bounded-map.js";
import { UsageError } from "../model/errors.js";

const PRIVATE_FORMS = 'PKCS#8 "BEGIN PRIVATE KEY" or PKCS#1 "BEGIN RSA PRIVATE KEY"';
const PUBLIC_FORMS = 'SPKI "BEGIN PUBLIC KEY" or PKCS#1 "BEGIN RSA PUBLIC KEY"';

/** "an ec key", "a dsa key": the article as the type name is read aloud (e-c, ed, x, r-s-a start with a vowel sound). */
const article = (type: string): string => (/^(ec|ed|x|rsa)/.test(type) ? "an" : "a");

function requireRsa(key: KeyObject, label: string): KeyObject {
  if (key.asymmetricKeyType !== "rsa") {
    throw new UsageError(
      `${label} is ${article(key.asymmetricKeyType ?? "")} ${key.asymmetricKeyType ?? "non-RSA"} key; DOKU signatures need an RSA key`,
    );
  }
  return key;
}

function pemText(pem: string | Uint8Array): string {
  return typeof pem === "string" ? pem : Buffer.from(pem).toString("utf8");
}

/** Reads an unencrypted RSA private key (PKCS#8 or PKCS#1 PEM); `label` says where it came from. */
export function privateKeyFromPem(pem: string | Uint8Array, label = "private key"): KeyObject {
  const text = pemText(pem);
  if (/ENCRYPTED/.test(text)) {
    throw new UsageError(`${label} is encrypted; decrypt it first (openssl pkey -in key.pem -out plain.pem)`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: "pem" });
  } catch {
    throw new UsageError(`${label} is not a readable RSA private key; expected PEM, ${PRIVATE_FORMS}`);
  }
  return requireRsa(key, label);
}

/**
 * Public keys already read, by PEM text (a verifier meets the same few keys on every request; KeyObjects are
 * immutable, so one can be shared). Bounded: the oldest entry goes first. Only public PEMs are kept: a
 * private key's text is never held here.
 */
const publicByPem = new BoundedMap<string, KeyObject>(16);
/** The public half of each private KeyObject already asked for. */
const publicOfPrivate = new WeakMap<KeyObject, KeyObject>();

/** Reads an RSA public key (SPKI or PKCS#1 PEM; a private key PEM also works: its public half is used). */
export function publicKeyFromPem(pem: string | Uint8Array, label = "public key"): KeyObject {
  const text = pemText(pem);
  const cacheable = !text.includes("PRIVATE");
  const known = cacheable ? publicByPem.get(text) : undefined;
  if (known) return known;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: "pem" });
  } catch {
    throw new UsageError(`${label} is not a readable RSA public key; expected PEM, ${PUBLIC_FORMS}`);
  }
  requireRsa(key, label);
  if (cacheable) publicByPem.set(text, key);
  return key;
}

/** A private KeyObject from a KeyObject or PEM; UsageError when absent or unusable. */
export function asPrivateKey(key: KeyObject | string | undefined, label = "private key"): KeyObject {
  if (key === undefined)
    throw new UsageError(`${label} is missing; RSA signing needs the signer's private key`);
  if (typeof key === "string") return privateKeyFromPem(key, label);
  if (key.type !== "private")
    throw new UsageError(`${label} is a ${key.type} key; signing needs a private key`);
  return requireRsa(key, label);
}

/** A public KeyObject from a KeyObject (public or private) or PEM; UsageError when absent or unusable. */
export function asPublicKey(key: KeyObject | string | undefined, label = "public key"): KeyObject {
  if (key === undefined)
    throw new UsageError(`${label} is missing; RSA verification needs the signer's public key`);
  if (typeof key === "string") return publicKeyFromPem(key, label);
  if (key.type !== "private") return requireRsa(key, label);
  let half = publicOfPrivate.get(key);
  if (!half) {
    half = requireRsa(createPublicKey(key), label);
    publicOfPrivate.set(key, half);
  }
  return half;
}
