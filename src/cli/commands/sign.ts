/**
 * `doku-conformance sign <scheme> [flags]`: prints the signature header value and nothing else.
 * The scheme table here is shared with `verify` (CONTRACT.md "Signature schemes").
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../../model/errors.js";
import type { AuthScheme } from "../../model/operation.js";
import {
  headerOf,
  nonSnapSignature,
  privateKeyFromPem,
  publicKeyFromPem,
  type ReceivedRequest,
  rsaSignBase64,
  SCHEMES,
  snapSymmetricSignature,
  snapTokenStringToSign,
  type VerifyOptions,
} from "../../signatures/index.js";
import { parseTimestamp } from "../../signatures/timestamp.js";
import type { CliContext, Command } from "../context.js";

/** A scheme flag: help text, an environment fallback, optional or required. */
export interface CliFlag {
  help: string;
  env?: string;
  optional?: true;
}

/** Flag values after environment fallbacks, plus file readers bound to the CLI context. */
export interface CliInputs {
  values: Readonly<Record<string, string | undefined>>;
  /** Exact bytes of --body (file or - for stdin); empty when absent. */
  body: () => Promise<Uint8Array>;
  /** Text of the PEM file named by `flag`. */
  pem: (flag: string) => Promise<string>;
}

/** CONTRACT.md `sign` / `verify` scheme names -> the scheme table (src/signatures/schemes.ts). */
export const CLI_SCHEME_AUTH = {
  "snap-symmetric": "snap-symmetric",
  "snap-asymmetric": "snap-asymmetric-token",
  nonsnap: "nonsnap-hmac",
} as const satisfies Record<string, AuthScheme>;

/** A CONTRACT.md scheme name. */
export type CliSchemeName = keyof typeof CLI_SCHEME_AUTH;

/** One CONTRACT.md scheme: its flags for sign and verify, how to sign, and what verifyRequest is given. */
export interface CliScheme {
  summary: string;
  signFlags: Record<string, CliFlag>;
  verifyFlags: Record<string, CliFlag>;
  sign: (inputs: CliInputs) => Promise<string>;
  verify: (
    inputs: CliInputs,
    signature: string,
  ) => Promise<{ request: ReceivedRequest; options: VerifyOptions }>;
}

const req = (inputs: CliInputs, name: string) => inputs.values[name] ?? "";
const BODY: CliFlag = { help: "request body file, or - for stdin (default: no body)", optional: true };
const SECRET: CliFlag = { help: "HMAC secret", env: "DOKU_SECRET_KEY" };
const CLIENT_ID: CliFlag = { help: "client id (X-CLIENT-KEY / Client-Id)", env: "DOKU_CLIENT_ID" };

const snapSymmetricFlags: Record<string, CliFlag> = {
  method: { help: "HTTP method, e.g. POST" },
  path: {
    help: "EndpointUrl: the request path, e.g. /virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va",
  },
  "access-token": { help: 'B2B access token, without "Bearer "' },
  timestamp: { help: "X-TIMESTAMP value, e.g. 2024-03-26T16:01:41+07:00" },
  "client-secret": { ...SECRET, help: "client secret (HMAC-SHA512 key)" },
  body: BODY,
};

const snapAsymmetricFlags: Record<string, CliFlag> = {
  "client-id": CLIENT_ID,
  timestamp: { help: "X-TIMESTAMP value, e.g. 2024-03-26T16:01:41+07:00" },
};

const nonSnapFlags: Record<string, CliFlag> = {
  "client-id": CLIENT_ID,
  "request-id": { help: "Request-Id header value" },
  timestamp: { help: "Request-Timestamp value, UTC, e.g. 2020-08-11T08:45:42Z" },
  target: { help: "Request-Target: the request path, e.g. /doku-virtual-account/v2/payment-code" },
  "secret-key": { ...SECRET, help: "Secret Key (HMAC-SHA256 key)" },
  body: { ...BODY, help: "request body file, or - for stdin (no body: no Digest line)" },
};

const SYMMETRIC = CLI_SCHEME_AUTH["snap-symmetric"];
const ASYMMETRIC = CLI_SCHEME_AUTH["snap-asymmetric"];
const NONSNAP = CLI_SCHEME_AUTH.nonsnap;

/** The CLI schemes; summaries, header names and the verifier come from the scheme table. */
export const CLI_SCHEMES: Record<CliSchemeName, CliScheme> = {
  "snap-symmetric": {
    summary: SCHEMES[SYMMETRIC].summary,
    signFlags: snapSymmetricFlags,
    verifyFlags: snapSymmetricFlags,
    sign: async (i) =>
      snapSymmetricSignature(req(i, "client-secret"), {
        method: req(i, "method"),
        path: req(i, "path"),
        accessToken: req(i, "access-token"),
        body: await i.body(),
        timestamp: req(i, "timestamp"),
      }),
    verify: async (i, signature) => ({
      request: {
        method: req(i, "method"),
        path: req(i, "path"),
        headers: {
          [headerOf(SYMMETRIC, "token")]: `Bearer ${req(i, "access-token")}`,
          [headerOf(SYMMETRIC, "timestamp")]: req(i, "timestamp"),
          [headerOf(SYMMETRIC, "signature")]: signature,
        },
        body: await i.body(),
      },
      options: {
        auth: SYMMETRIC,
        credentials: { secretKey: req(i, "client-secret") },
        signatureAccessToken: req(i, "access-token"),
      },
    }),
  },
  "snap-asymmetric": {
    summary: SCHEMES[ASYMMETRIC].summary,
    signFlags: {
      ...snapAsymmetricFlags,
      "private-key": {
        help: "signer's RSA private key, PEM file (PKCS#8 or PKCS#1)",
        env: "DOKU_PRIVATE_KEY_FILE",
      },
    },
    verifyFlags: {
      ...snapAsymmetricFlags,
      "public-key": { help: "signer's RSA public key, PEM file", env: "DOKU_PUBLIC_KEY_FILE" },
    },
    sign: async (i) => {
      const key = privateKeyFromPem(
        await i.pem("private-key"),
        `--private-key file "${req(i, "private-key")}"`,
      );
      return rsaSignBase64(key, snapTokenStringToSign(req(i, "client-id"), req(i, "timestamp")));
    },
    verify: async (i, signature) => ({
      request: {
        method: "POST",
        path: "/",
        headers: {
          [headerOf(ASYMMETRIC, "clientId")]: req(i, "client-id"),
          [headerOf(ASYMMETRIC, "timestamp")]: req(i, "timestamp"),
          [headerOf(ASYMMETRIC, "signature")]: signature,
        },
        body: "",
      },
      options: {
        auth: ASYMMETRIC,
        credentials: {
          publicKey: publicKeyFromPem(
            await i.pem("public-key"),
            `--public-key file "${req(i, "public-key")}"`,
          ),
        },
      },
    }),
  },
  nonsnap: {
    summary: SCHEMES[NONSNAP].summary,
    signFlags: nonSnapFlags,
    verifyFlags: nonSnapFlags,
    sign: async (i) =>
      nonSnapSignature(req(i, "secret-key"), {
        clientId: req(i, "client-id"),
        requestId: req(i, "request-id"),
        timestamp: req(i, "timestamp"),
        target: req(i, "target"),
        body: await i.body(),
      }),
    verify: async (i, signature) => ({
      request: {
        method: "POST",
        path: req(i, "target"),
        headers: {
          [headerOf(NONSNAP, "clientId")]: req(i, "client-id"),
          [headerOf(NONSNAP, "requestId")]: req(i, "request-id"),
          [headerOf(NONSNAP, "timestamp")]: req(i, "timestamp"),
          [headerOf(NONSNAP, "signature")]: signature,
        },
        body: await i.body(),
      },
      options: { auth: NONSNAP, credentials: { secretKey: req(i, "secret-key") } },
    }),
  },
};

const SCHEME_NAMES = Object.keys(CLI_SCHEMES).join(" | ");

const isCliSchemeName = (name: string | undefined): name is CliSchemeName =>
  name !== undefined && Object.hasOwn(CLI_SCHEMES, name);

/** The scheme named by the first argument; UsageError naming the choices otherwise. */
export function schemeOf(command: string, name: string | undefined): CliScheme {
  const scheme = isCliSchemeName(name) ? CLI_SCHEMES[name] : undefined;
  if (scheme === undefined) {
    const got = name === undefined || name.startsWith("-") ? "no scheme given" : `unknown scheme "${name}"`;
    throw new UsageError(
      `${command}: ${got}; choose one of ${SCHEME_NAMES} (see ${command} <scheme> --help)`,
    );
  }
  return scheme;
}

/** Help text: the scheme list, or one scheme's flags with their environment fallbacks. */
export function schemeHelp(
  command: string,
  name: string | undefined,
  extra: Record<string, CliFlag> = {},
): string {
  if (!isCliSchemeName(name)) {
    const lines = Object.entries(CLI_SCHEMES).map(([n, s]) => `  ${n.padEnd(16)} ${s.summary}`);
    return `Usage: doku-conformance ${command} <scheme> [scheme flags]\nSchemes:\n${lines.join("\n")}\n`;
  }
  const scheme = CLI_SCHEMES[name];
  const flags = { ...(command === "sign" ? scheme.signFlags : scheme.verifyFlags), ...extra };
  const usage = Object.entries(flags).map(([f, d]) => (d.optional ? `[--${f} <value>]` : `--${f} <value>`));
  const rows = Object.entries(flags).map(
    ([f, d]) => `  --${f.padEnd(14)} ${d.help}${d.env ? ` (or env ${d.env})` : ""}`,
  );
  return `Usage: doku-conformance ${command} ${name} ${usage.join(" ")}\n${scheme.summary}\n${rows.join("\n")}\n`;
}

/** Parses the scheme's flags (strict), applies environment fallbacks, and checks required ones. */
export function parseSchemeArgs(
  command: string,
  name: string,
  args: string[],
  flags: Record<string, CliFlag>,
  ctx: CliContext,
) {
  const options = Object.fromEntries(Object.keys(flags).map((f) => [f, { type: "string" as const }]));
  const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
  const resolved: Record<string, string | undefined> = {};
  for (const [flag, def] of Object.entries(flags)) {
    const value =
      (values[flag] as string | undefined) ?? (def.env === undefined ? undefined : ctx.env[def.env]);
    if ((value === undefined || value === "") && def.optional !== true) {
      const env = def.env === undefined ? "" : ` (or set ${def.env})`;
      throw new UsageError(`${command} ${name}: --${flag} is missing${env}; see ${command} ${name} --help`);
    }
    resolved[flag] = value;
  }
  return resolved;
}

/** File readers for --body and PEM flags; unreadable files are UsageErrors naming the flag. */
export function cliInputs(values: Record<string, string | undefined>, ctx: CliContext): CliInputs {
  const read = async (flag: string, file: string): Promise<Buffer> => {
    try {
      return await readFile(resolve(ctx.cwd, file));
    } catch (error) {
      const code = (error as { code?: string }).code ?? "unreadable";
      throw new UsageError(`cannot read --${flag} file "${file}" (${code}); pass a readable file`);
    }
  };
  return {
    values,
    body: async () => {
      const file = values["body"];
      if (file === undefined) return new Uint8Array();
      return file === "-" ? Buffer.from(await ctx.readStdin(), "utf8") : read("body", file);
    },
    pem: async (flag) => (await read(flag, values[flag] ?? "")).toString("utf8"),
  };
}

const wantsHelp = (args: string[]) => args.includes("--help") || args.includes("-h");

export const sign: Command = async (args, ctx) => {
  const [name, ...rest] = args;
  if (wantsHelp(args)) {
    ctx.stdout(schemeHelp("sign", name));
    return 0;
  }
  const scheme = schemeOf("sign", name);
  const values = parseSchemeArgs("sign", name!, rest, scheme.signFlags, ctx);
  const signature = await scheme.sign(cliInputs(values, ctx));
  requireTimestamp(values.timestamp);
  ctx.stdout(`${signature}\n`);
  return 0;
};

/** A --timestamp verify would call malformed is refused (exit 2): no signature over it is printed. */
function requireTimestamp(value: string | undefined): void {
  if (value !== undefined && parseTimestamp(value) === undefined)
    throw new UsageError(
      `--timestamp "${value}" is not an ISO-8601 timestamp like 2024-03-26T16:01:41+07:00 (verify would call it malformed)`,
    );
}
