/**
 * `doku-conformance callback --url <merchant-url> --flow <flow> [...]`: plays DOKU against a merchant's
 * inquiry / notification (and token) endpoint and certifies it. Exit 0 certified, 1 a check failed,
 * 2 usage (missing --url/--flow, unknown flow, missing secret), 3 endpoint unreachable or hanging.
 */
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { certifyCallback } from "../../callbacks/certify.js";
import { callbackConsoleReporter } from "../../callbacks/console.js";
import { dokuRoleKeys } from "../../callbacks/doku-keys.js";
import { type Flow, flowNamesOf, requireFlow } from "../../callbacks/flows.js";
import type { CertifyOptions } from "../../callbacks/options.js";
import type { RunListener } from "../../engine/events.js";
import { UsageError } from "../../model/errors.js";
import type { SpecBundle } from "../../model/operation.js";
import { createReporters, reportFilesOf } from "../../reporters/index.js";
import { usesCallbackModes } from "../../signatures/schemes.js";
import type { CliContext, Command } from "../context.js";
import { requireWritableDir } from "../output-dir.js";
import { replayNote } from "../replay-note.js";
import { signalName } from "../signals.js";

const usage = (
  flows: readonly string[],
) => `Usage: doku-conformance callback --url <merchant-url> --flow <flow> [flags]
  --flow <flow>             ${flows.join(" | ")}
  --token-url <url>         SNAP: the merchant's token URL; the kit asks it for a token first (RSA handshake)
  --callback-auth <mode>    SNAP: snap-hmac (default, the docs' reading) | snap-rsa | bearer-only
  --access-token <token>    SNAP without --token-url: the bearer token to send (else a kit token is sent)
  --signature-access-token <token>  snap-hmac: token in the string to sign when it is not the bearer
  --client-id <id>          the merchant's DOKU client id (default $DOKU_CLIENT_ID)
  --secret-key <key>        the merchant's secret key DOKU signs with (default $DOKU_SECRET_KEY; prefer the env)
  --doku-private-key <pem>  DOKU-role RSA private key (default: generated and written to the output dir)
  --body <file>             a callback body the merchant knows (probe and base of forged cases)
  --cases <n>               generated valid callbacks (default 20)      --seed <n>  reproduce a run
  --reporter <r>            console | json | junit | html | github (repeatable; default console)
  --output-dir <dir>        report.json, junit.xml, report.html, replays, key files (default ./conformance-report)
  --latency-budget <ms>     slower answers fail "latency" (default 5000, kit policy)
  --timeout <ms>            per-request timeout; no answer = unreachable / hanging (default 30000)
  --ledger-url <url>        test hook: GET ?key=<id> -> {"processed": n}, must be 1 after a redelivery
  --strict                  documented source conflicts count as errors
`;

function wholeFlag(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-9]+$/.test(text))
    throw new UsageError(`${flag} ${JSON.stringify(text)}: expected a whole number`);
  return Number(text);
}

async function readFlagFile(ctx: CliContext, flag: string, file: string): Promise<string> {
  try {
    return await readFile(resolve(ctx.cwd, file), "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message;
    throw new UsageError(`cannot read ${flag} file "${file}" (${code})`);
  }
}

/** Writes the DOKU-role key files; returns the lines telling the user what to configure. */
async function writeKeys(
  dir: string,
  ctx: CliContext,
  keys: ReturnType<typeof dokuRoleKeys>,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const pub = join(dir, "doku-role-public.pem");
  await writeFile(pub, keys.publicKeyPem);
  const lines = [
    "DOKU-role public key: configure it in the merchant under test as the DOKU public key (test only):",
    keys.publicKeyPem.trimEnd(),
    `written to ${relative(ctx.cwd, pub) || pub}`,
  ];
  if (keys.generated) {
    const priv = join(dir, "doku-role-private.pem");
    await writeFile(priv, keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString(), {
      mode: 0o600,
    });
    await chmod(priv, 0o600);
    lines.push(`generated for this run; reuse it with --doku-private-key ${relative(ctx.cwd, priv) || priv}`);
  }
  return `${lines.join("\n")}\n`;
}

const FLAGS = {
  url: { type: "string" },
  flow: { type: "string" },
  "token-url": { type: "string" },
  "callback-auth": { type: "string" },
  "access-token": { type: "string" },
  "signature-access-token": { type: "string" },
  "client-id": { type: "string" },
  "secret-key": { type: "string" },
  "doku-private-key": { type: "string" },
  body: { type: "string" },
  cases: { type: "string" },
  seed: { type: "string" },
  reporter: { type: "string", multiple: true },
  "output-dir": { type: "string" },
  "latency-budget": { type: "string" },
  timeout: { type: "string" },
  "ledger-url": { type: "string" },
  strict: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>["values"];

export const callback: Command = async (args, ctx) => {
  const { values } = parseArgs({ args, strict: true, options: FLAGS });
  if (values.help) {
    ctx.stdout(usage(flowNamesOf(await ctx.loadBundle())));
    return 0;
  }
  const bundle = await ctx.loadBundle();
  const { url, flow } = requireTarget(values, bundle);
  if (values["ledger-url"] !== undefined) requireHttpUrl("--ledger-url", values["ledger-url"]);
  const outputDir = resolve(ctx.cwd, values["output-dir"] ?? "conformance-report");
  await requireWritableDir(ctx.cwd, outputDir);
  const listeners = listenersFor(values.reporter ?? ["console"], outputDir, ctx);
  const clientId = values["client-id"] ?? ctx.env.DOKU_CLIENT_ID ?? "";
  const secretKey = values["secret-key"] ?? ctx.env.DOKU_SECRET_KEY ?? "";
  const privatePem =
    values["doku-private-key"] === undefined
      ? undefined
      : await readFlagFile(ctx, "--doku-private-key", values["doku-private-key"]);
  const body = values.body === undefined ? undefined : await readFlagFile(ctx, "--body", values.body);
  const keys = dokuRoleKeys(privatePem);
  const options: CertifyOptions = {
    bundle,
    rerunFlags: rerunFlagsOf(values, usesCallbackModes(flow.family), outputDir, ctx),
    url,
    flow: flow.name,
    clientId,
    secretKey,
    dokuPrivateKey: keys.privateKey,
    outputDir,
    cwd: ctx.cwd,
    strict: values.strict,
    signal: ctx.signal,
    ...optionalStrings(values),
    ...(body === undefined ? {} : { body }),
    ...numbersOf(values),
  };
  requireCredentials(clientId, secretKey);
  if (usesCallbackModes(flow.family)) ctx.stdout(await writeKeys(outputDir, ctx, keys));
  else ctx.stdout(`${flow.name} is signed with the merchant's secret key (HMAC): no DOKU-role key is used\n`);
  const summary = await certifyCallback({ ...options, listeners });
  const note = await replayNote(summary, ctx.cwd, outputDir);
  if (note) ctx.stderr(note);
  if (summary.incomplete !== undefined && ctx.signal.aborted) {
    ctx.stderr(
      `doku-conformance: callback interrupted by ${signalName(ctx.signal)}; the reports hold what was sent before it\n`,
    );
  } else if (summary.incomplete !== undefined && summary.exitCode === 3)
    ctx.stderr(`doku-conformance: ${summary.incomplete}\n`);
  return summary.exitCode;
};

/** --url and a known --flow, or a UsageError. */
function requireTarget(values: Flags, bundle: SpecBundle): { url: string; flow: Flow } {
  if (values.url === undefined)
    throw new UsageError("callback needs --url <merchant-url> (the Inquiry or Notification URL)");
  if (values.flow === undefined)
    throw new UsageError(`callback needs --flow <flow>: ${flowNamesOf(bundle).join(", ")}`);
  return { url: values.url, flow: requireFlow(bundle, values.flow) };
}

/** An http(s) URL, checked before any request is sent. */
function requireHttpUrl(flag: string, text: string): void {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:"))
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not an http(s) URL`);
}

function requireCredentials(clientId: string, secretKey: string): void {
  if (clientId === "")
    throw new UsageError("the merchant's client id is missing: set DOKU_CLIENT_ID or pass --client-id");
  if (secretKey === "")
    throw new UsageError(
      "the merchant's secret key is missing: set DOKU_SECRET_KEY (DOKU signs callbacks with it)",
    );
}

/** The flags only the CLI knows, for the rerun line (a generated SNAP key is named by its file). */
function rerunFlagsOf(values: Flags, snap: boolean, outputDir: string, ctx: CliContext): [string, string][] {
  const keyFile =
    values["doku-private-key"] ??
    (snap ? relative(ctx.cwd, join(outputDir, "doku-role-private.pem")) : undefined);
  return [
    ...(values.body === undefined ? [] : [["--body", values.body] as [string, string]]),
    ...(keyFile === undefined ? [] : [["--doku-private-key", keyFile] as [string, string]]),
    ...(values["output-dir"] === undefined
      ? []
      : [["--output-dir", values["output-dir"]] as [string, string]]),
  ];
}

/** The optional string flags, each only when given. */
function optionalStrings(values: Flags): Partial<CertifyOptions> {
  return {
    ...(values["token-url"] === undefined ? {} : { tokenUrl: values["token-url"] }),
    ...(values["callback-auth"] === undefined ? {} : { callbackAuth: values["callback-auth"] }),
    ...(values["access-token"] === undefined ? {} : { accessToken: values["access-token"] }),
    ...(values["signature-access-token"] === undefined
      ? {}
      : { signatureAccessToken: values["signature-access-token"] }),
    ...(values["ledger-url"] === undefined ? {} : { ledgerUrl: values["ledger-url"] }),
  };
}

/** The whole-number flags, each only when given. */
function numbersOf(values: Flags): Partial<CertifyOptions> {
  const numbers = {
    cases: wholeFlag(values.cases, "--cases"),
    seed: wholeFlag(values.seed, "--seed"),
    latencyBudgetMs: wholeFlag(values["latency-budget"], "--latency-budget"),
    requestTimeoutMs: wholeFlag(values.timeout, "--timeout"),
  };
  return Object.fromEntries(Object.entries(numbers).filter(([, value]) => value !== undefined));
}

/**
 * The run's reporter table with the callback console behind "console"; file reporters first, so the
 * console's closing line names the files they wrote.
 */
function listenersFor(names: readonly string[], outputDir: string, ctx: CliContext): RunListener[] {
  const ordered = [...names.filter((n) => n !== "console"), ...names.filter((n) => n === "console")];
  const files = () => reportFilesOf(names).map((file) => relative(ctx.cwd, join(outputDir, file)));
  return createReporters(
    ordered,
    { write: ctx.stdout, tty: ctx.isTTY, files, env: ctx.env, cwd: ctx.cwd },
    { console: callbackConsoleReporter },
  );
}
