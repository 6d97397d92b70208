/**
 * `doku-conformance mock [--port <n>] [--host 127.0.0.1] [--identity-file <path>] [--show-secrets]
 * [--token-lifetime <s>] [--timestamp-window <s>]`:
 * starts the embedded DOKU mock, prints `listening on http://HOST:PORT` first, then the client id and where
 * the identity lives; runs until SIGINT, then closes every connection and exits 0.
 */
import { rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type ResolvedIdentity, resolveIdentity, startMock } from "../../mock/index.js";
import { UsageError } from "../../model/errors.js";
import type { Command } from "../context.js";

const MOCK_HELP = `Usage: doku-conformance mock [--port <n>] [--host 127.0.0.1] [--identity-file <path>] [--show-secrets]
                              [--token-lifetime <s>] [--timestamp-window <s>]

Starts the embedded DOKU mock and prints "listening on http://HOST:PORT" first; runs until Ctrl+C.
  --port <n>              port to listen on (default 0: a free port, printed)
  --host <addr>           address to bind (default 127.0.0.1)
  --identity-file <path>  read the mock identity from this JSON file (created with a generated one if missing)
  --show-secrets          also print the secret key and the generated merchant private key
  --token-lifetime <s>    seconds an issued B2B token stays valid (default 900, what DOKU answers); a short
                          one lets a client test its token refresh
  --timestamp-window <s>  allowed |now - X-TIMESTAMP| in seconds (default 300; DOKU documents none)
Identity otherwise comes from DOKU_CLIENT_ID + DOKU_SECRET_KEY + DOKU_PUBLIC_KEY_FILE (the merchant's public
key) or is generated for this run. See docs/mock.md.
`;

export const mock: Command = async (args, ctx) => {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      "identity-file": { type: "string" },
      "show-secrets": { type: "boolean", default: false },
      "token-lifetime": { type: "string" },
      "timestamp-window": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    ctx.stdout(MOCK_HELP);
    return 0;
  }
  const port = parsePort(values.port);
  const tokenLifetime = parseSeconds("--token-lifetime", values["token-lifetime"]);
  const timestampWindow = parseSeconds("--timestamp-window", values["timestamp-window"]);
  const identityFile = values["identity-file"];
  // The key pair is made on the thread pool while the bundle loads.
  const [identityResult, bundleResult] = await Promise.allSettled([
    resolveIdentity({
      ...(identityFile === undefined ? {} : { identityFile: resolve(ctx.cwd, identityFile) }),
      env: ctx.env,
    }),
    ctx.loadBundle(),
  ]);
  if (identityResult.status === "rejected") throw identityResult.reason;
  const resolved = identityResult.value;
  // A generated temp identity dies with the mock (no secrets left behind); --identity-file keeps its file.
  const temporary = resolved.generated && identityFile === undefined ? resolved.file : undefined;
  try {
    if (bundleResult.status === "rejected") throw bundleResult.reason;
    const bundle = bundleResult.value;
    const running = await startMock({
      bundle,
      identity: resolved.identity,
      host: values.host,
      port,
      ...(tokenLifetime === undefined ? {} : { tokenTtlSeconds: tokenLifetime }),
      ...(timestampWindow === undefined ? {} : { timestampWindowMs: timestampWindow * 1000 }),
      onError: (error) =>
        ctx.stderr(`doku-conformance mock: internal error: ${(error as Error).message ?? String(error)}\n`),
    });
    ctx.stdout(`listening on ${running.url}\n`);
    ctx.stdout(describeIdentity(resolved, values["show-secrets"], temporary !== undefined));
    if (!ctx.signal.aborted) {
      await new Promise<void>((done) => ctx.signal.addEventListener("abort", () => done(), { once: true }));
    }
    await running.close();
  } finally {
    if (temporary !== undefined) await rm(dirname(temporary), { recursive: true, force: true });
  }
  ctx.stdout("mock stopped\n");
  return 0;
};

/** A whole number of seconds, at least 1; undefined when the flag is absent. */
function parseSeconds(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!/^[0-9]+$/.test(text) || seconds < 1) {
    throw new UsageError(`${flag} must be a whole number of seconds, at least 1; got "${text}"`);
  }
  return seconds;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^[0-9]+$/.test(text) || port > 65535) {
    throw new UsageError(
      `--port ${JSON.stringify(text)} is not a port number (0-65535; 0 picks a free port)`,
    );
  }
  return port;
}

/** Client id always; secrets only with --show-secrets. */
function describeIdentity(resolved: ResolvedIdentity, showSecrets: boolean, temporary: boolean): string {
  const { identity, file, generated } = resolved;
  const lines = [`client id: ${identity.clientId}`];
  if (generated) {
    const lifetime = temporary ? "; removed when the mock stops" : "";
    lines.push(
      `identity: generated test identity (RSA-2048 key pair + secret key), written to ${file} (mode 0600${lifetime})`,
    );
  } else if (file !== undefined) {
    lines.push(`identity: read from ${file}`);
  } else if (identity.merchantPublicKeyPem === "") {
    lines.push(
      "identity: from DOKU_CLIENT_ID and DOKU_SECRET_KEY (no merchant RSA key)",
      "SNAP is off: Get Token answers 401. To enable it, set DOKU_PUBLIC_KEY_FILE to the merchant's RSA public key, or DOKU_PRIVATE_KEY_FILE to its private key (a test pair: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out merchant.pem)",
    );
  } else {
    lines.push(
      "identity: from DOKU_CLIENT_ID, DOKU_SECRET_KEY and the merchant public key (DOKU_PUBLIC_KEY_FILE or DOKU_PRIVATE_KEY_FILE)",
    );
  }
  if (showSecrets) {
    lines.push(`secret key: ${identity.secretKey}`);
    if (identity.merchantPrivateKeyPem !== undefined) lines.push(identity.merchantPrivateKeyPem.trimEnd());
  } else {
    lines.push("secrets: hidden (--show-secrets prints them)");
  }
  lines.push("stop with Ctrl+C");
  return `${lines.join("\n")}\n`;
}
