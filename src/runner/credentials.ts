/**
 * The merchant credentials the runner signs with: from the embedded mock's generated identity, or from the
 * DOKU_* environment for the sandbox and URL targets. Missing variables are one UsageError naming them.
 */

import type { KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import { UsageError } from "../model/errors.js";
import { privateKeyFromPem } from "../signatures/keys.js";

export interface RunCredentials {
  clientId: string;
  /** Non-SNAP Secret Key = SNAP client secret. */
  secretKey: string;
  /** Merchant RSA private key (PEM): signs Get Token B2B. Needed only for SNAP operations. */
  privateKeyPem?: string;
  /** The same key parsed once (signing parses nothing per request). */
  privateKey?: KeyObject;
  /** DOKU's public key (PEM), for verifying what DOKU signs with RSA; optional. */
  dokuPublicKeyPem?: string;
}

/** Reads DOKU_CLIENT_ID, DOKU_SECRET_KEY, DOKU_PRIVATE_KEY_FILE (when `needPrivateKey`), DOKU_PUBLIC_KEY_FILE. */
export async function credentialsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  needPrivateKey: boolean,
  target: string,
): Promise<RunCredentials> {
  const wanted = ["DOKU_CLIENT_ID", "DOKU_SECRET_KEY", ...(needPrivateKey ? ["DOKU_PRIVATE_KEY_FILE"] : [])];
  const missing = wanted.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new UsageError(
      `target ${target} needs credentials: set ${missing.join(", ")} (or use --target mock)`,
    );
  }
  const credentials: RunCredentials = {
    clientId: env.DOKU_CLIENT_ID as string,
    secretKey: env.DOKU_SECRET_KEY as string,
  };
  if (env.DOKU_PRIVATE_KEY_FILE) {
    credentials.privateKeyPem = await readPem(env.DOKU_PRIVATE_KEY_FILE, "DOKU_PRIVATE_KEY_FILE");
    credentials.privateKey = privateKeyFromPem(credentials.privateKeyPem, "DOKU_PRIVATE_KEY_FILE");
  }
  if (env.DOKU_PUBLIC_KEY_FILE)
    credentials.dokuPublicKeyPem = await readPem(env.DOKU_PUBLIC_KEY_FILE, "DOKU_PUBLIC_KEY_FILE");
  return credentials;
}

async function readPem(file: string, variable: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `${variable}=${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}
