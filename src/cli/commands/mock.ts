/**
 * `doku-conformance mock [--port <n>] [--host 127.0.0.1] [--identity-file <path>] [--show-secrets]
 * [--token-lifetime <s>] [--timestamp-window <s>] [--notify-url [family=]<url>]... [--inquiry-url ...]...
 * [--token-url ...]... [--callback-auth <mode>] [--doku-private-key <pem>] [--retry-scale <x>]
 * [--ledger-url <url>] [--report <file>] [--simulator]`:
 * starts the embedded DOKU mock with the payment simulator (docs/simulator.md), prints
 * `listening on http://HOST:PORT` first, then the client id and where the identity lives; runs until SIGINT,
 * then cancels pending retries, writes --report, closes every connection and exits 0.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type ResolvedIdentity, resolveIdentity } from "../../mock/index.js";
import { UsageError } from "../../model/errors.js";
import { CALLBACK_AUTH_MODES } from "../../signatures/callback-modes.js";
import type { CallbackAuthMode } from "../../signatures/types.js";
import { parseUrlTable, SIMULATOR_FAMILIES, startSimulator, type UrlTable } from "../../simulator/index.js";
import type { Command } from "../context.js";

const MOCK_HELP = `Usage: doku-conformance mock [--port <n>] [--host 127.0.0.1] [--identity-file <path>] [--show-secrets]
                              [--token-lifetime <s>] [--timestamp-window <s>]

       [--notify-url [family=]<url>]... [--inquiry-url [family=]<url>]... [--token-url [family=]<url>]...
       [--callback-auth snap-hmac|snap-rsa|bearer-only] [--doku-private-key <pem-file>] [--retry-scale <x>]
       [--ledger-url <url>] [--report <file>] [--simulator]

Starts the embedded DOKU mock and prints "listening on http://HOST:PORT" first; runs until Ctrl+C.
  --port <n>              port to listen on (default 0: a free port, printed)
  --host <addr>           address to bind (default 127.0.0.1)
  --identity-file <path>  read the mock identity from this JSON file (created with a generated one if missing)
  --show-secrets          also print the secret key and the generated merchant private key
  --token-lifetime <s>    seconds an issued B2B token stays valid (default 900, what DOKU answers); a short
                          one lets a client test its token refresh
  --timestamp-window <s>  allowed |now - X-TIMESTAMP| in seconds (default 300; DOKU documents none)
Payment simulator (pay with: doku-conformance simulate pay <id>, or the page at /_simulator):
  --notify-url [family=]<url>   the merchant's Notification URL, as set in DOKU's Back Office; families:
                                snap-va, non-snap-va, checkout, o2o-alfa, o2o-indomaret, direct-debit
                                (or a flow: dana-payment=<url>); without "family=" it serves every family
  --inquiry-url [family=]<url>  the merchant's Inquiry URL: paying a number the mock does not hold asks it
                                first (direct inquiry, DIPC)
  --token-url [family=]<url>    the merchant's token endpoint: DOKU gets a token before each SNAP callback
                                (a flow name, e.g. snap-va-inquiry=<url>, for a separate inquiry service)
  --callback-auth <mode>        how SNAP callbacks are signed: snap-hmac (default), snap-rsa, bearer-only
  --doku-private-key <pem-file> DOKU-role private key (default: generated; its public half is written to a
                                file the mock prints, for the merchant to verify SNAP callbacks with)
  --retry-scale <x>             multiplies DOKU's retry delays (30 min, 6 h, 12 h after the original);
                                0.001 makes them 1.8 s, 21.6 s, 43.2 s (default 1)
  --ledger-url <url>            the merchant's test ledger: GET <url>?key=<id> -> {"processed": n}; a
                                redelivery acknowledged must have been applied once
  --report <file>               write the simulator's log (items, every delivery, checks) as JSON on stop
  --simulator                   serve /_simulator also when --host is not a loopback address (off otherwise)
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
      "notify-url": { type: "string", multiple: true },
      "inquiry-url": { type: "string", multiple: true },
      "token-url": { type: "string", multiple: true },
      "callback-auth": { type: "string" },
      "doku-private-key": { type: "string" },
      "retry-scale": { type: "string" },
      "ledger-url": { type: "string" },
      report: { type: "string" },
      simulator: { type: "boolean", default: false },
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
  const families = Object.keys(SIMULATOR_FAMILIES);
  const inquiryUrls = parseUrlTable("--inquiry-url", values["inquiry-url"] ?? [], families);
  const callbackAuth = parseCallbackAuth(values["callback-auth"]);
  const retryScale = parseScale(values["retry-scale"]);
  const ledgerUrl =
    values["ledger-url"] === undefined
      ? undefined
      : parseUrlTable("--ledger-url", [values["ledger-url"]], [])["*"];
  const report = values.report === undefined ? undefined : resolve(ctx.cwd, values.report);
  const keyFile = values["doku-private-key"];
  const dokuPrivateKey =
    keyFile === undefined
      ? undefined
      : await readFile(resolve(ctx.cwd, keyFile), "utf8").catch((error: NodeJS.ErrnoException) => {
          throw new UsageError(
            `--doku-private-key ${keyFile}: cannot read it (${error.code ?? error.message})`,
          );
        });
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
  const cleanup: string[] = [];
  try {
    if (bundleResult.status === "rejected") throw bundleResult.reason;
    const bundle = bundleResult.value;
    const flowNames = bundle.operations.flatMap((o) => (o.flow === undefined ? [] : [o.flow.name]));
    const tokenUrls = parseUrlTable("--token-url", values["token-url"] ?? [], [...families, ...flowNames]);
    // A flow name gives one channel its own Notification URL (--notify-url dana-payment=<url>).
    const notifyUrls = parseUrlTable("--notify-url", values["notify-url"] ?? [], [...families, ...flowNames]);
    const running = await startSimulator({
      bundle,
      identity: resolved.identity,
      host: values.host,
      port,
      notifyUrls,
      inquiryUrls,
      tokenUrls,
      callbackAuth,
      retryScale,
      forceSimulator: values.simulator,
      ...(dokuPrivateKey === undefined ? {} : { dokuPrivateKey }),
      ...(ledgerUrl === undefined ? {} : { ledgerUrl }),
      ...(report === undefined ? {} : { reportFile: report }),
      ...(tokenLifetime === undefined ? {} : { tokenTtlSeconds: tokenLifetime }),
      ...(timestampWindow === undefined ? {} : { timestampWindowMs: timestampWindow * 1000 }),
      onError: (error) =>
        ctx.stderr(`doku-conformance mock: internal error: ${(error as Error).message ?? String(error)}\n`),
    });
    ctx.stdout(`listening on ${running.url}\n`);
    const urls = [notifyUrls, inquiryUrls, tokenUrls].some((t) => Object.keys(t).length > 0);
    const simulatorLines = describeSimulator(running.url, notifyUrls, inquiryUrls, tokenUrls, report);
    if (urls)
      simulatorLines.push(`callback auth: ${callbackAuth}; retries at ${retryScale}x DOKU's schedule`);
    if (urls && keyFile === undefined) {
      // The merchant verifies SNAP callbacks (snap-rsa) and the token request with the DOKU-role public key.
      const pem = join(tmpdir(), `doku-conformance-doku-role-public-${running.port}.pem`);
      await writeFile(pem, running.dokuKeys().publicKeyPem);
      cleanup.push(pem);
      simulatorLines.push(`DOKU-role public key (the merchant verifies SNAP callbacks with it): ${pem}`);
    }
    ctx.stdout(describeIdentity(resolved, values["show-secrets"], temporary !== undefined, simulatorLines));
    if (!ctx.signal.aborted) {
      await new Promise<void>((done) => ctx.signal.addEventListener("abort", () => done(), { once: true }));
    }
    await running.close();
  } finally {
    for (const file of cleanup) await rm(file, { force: true });
    if (temporary !== undefined) await rm(dirname(temporary), { recursive: true, force: true });
  }
  ctx.stdout("mock stopped\n");
  return 0;
};

function parseCallbackAuth(text: string | undefined): CallbackAuthMode {
  if (text === undefined) return "snap-hmac";
  if (!Object.hasOwn(CALLBACK_AUTH_MODES, text))
    throw new UsageError(
      `--callback-auth ${text}: expected one of ${Object.keys(CALLBACK_AUTH_MODES).join(", ")}`,
    );
  return text as CallbackAuthMode;
}

function parseScale(text: string | undefined): number {
  if (text === undefined) return 1;
  const scale = Number(text);
  if (!/^[0-9]*\.?[0-9]+(e-?[0-9]+)?$/i.test(text) || !(scale > 0))
    throw new UsageError(
      `--retry-scale must be a positive number (0.001 compresses 30 min to 1.8 s); got "${text}"`,
    );
  return scale;
}

/** Where the simulator is and where it sends what. */
function describeSimulator(
  url: string,
  notify: UrlTable,
  inquiry: UrlTable,
  token: UrlTable,
  report: string | undefined,
): string[] {
  const lines = [`simulator: ${url}/_simulator (pay with: doku-conformance simulate pay <id> --mock ${url})`];
  const show = (name: string, table: UrlTable) => {
    for (const [family, target] of Object.entries(table))
      lines.push(`${name} (${family === "*" ? "every family" : family}): ${target}`);
  };
  show("notification URL", notify);
  show("inquiry URL", inquiry);
  show("token URL", token);
  if (Object.keys(notify).length === 0)
    lines.push("no --notify-url: payments change state, no notification is sent");
  if (report !== undefined) lines.push(`report: ${report} (written on stop)`);
  return lines;
}

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
function describeIdentity(
  resolved: ResolvedIdentity,
  showSecrets: boolean,
  temporary: boolean,
  extra: readonly string[] = [],
): string {
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
  lines.push(...extra, "stop with Ctrl+C");
  return `${lines.join("\n")}\n`;
}
