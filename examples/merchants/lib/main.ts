/** Running a reference merchant from the command line: credentials from the environment, PORT, one line out. */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";

export interface MerchantEnv {
  clientId: string;
  secretKey: string;
  /** PEM of the DOKU public key (SNAP only): DOKU_PUBLIC_KEY_FILE. */
  dokuPublicKeyPem: string | undefined;
  /** SNAP only: CALLBACK_AUTH = snap-hmac (default) | snap-rsa | bearer-only. */
  callbackAuth: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    process.stderr.write(`set ${name}\n`);
    process.exit(2);
  }
  return value;
}

/** Starts `create(env)` on 127.0.0.1:$PORT and prints the URL to certify. */
export function runFromEnv(path: string, defaultPort: number, create: (env: MerchantEnv) => Server): void {
  const keyFile = process.env.DOKU_PUBLIC_KEY_FILE;
  const env: MerchantEnv = {
    clientId: required("DOKU_CLIENT_ID"),
    secretKey: required("DOKU_SECRET_KEY"),
    dokuPublicKeyPem: keyFile ? readFileSync(keyFile, "utf8") : undefined,
    callbackAuth: process.env.CALLBACK_AUTH ?? "snap-hmac",
  };
  const port = Number(process.env.PORT ?? defaultPort);
  const server = create(env);
  server.listen(port, "127.0.0.1", () =>
    process.stdout.write(`listening on http://127.0.0.1:${port}${path}\n`),
  );
}
