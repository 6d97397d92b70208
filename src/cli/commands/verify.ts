/**
 * `doku-conformance verify <scheme> [flags] --signature <value> [--max-skew <seconds>] [--now <timestamp>]`:
 * exit 0 when the signature verifies, 1 (one line on stderr saying why) when it does not.
 * The timestamp window is off unless --max-skew is given: the CLI checks a signature, not freshness.
 */
import { UsageError } from "../../model/errors.js";
import { parseTimestamp, verifyRequest } from "../../signatures/index.js";
import type { Command } from "../context.js";
import { type CliFlag, cliInputs, parseSchemeArgs, schemeHelp, schemeOf } from "./sign.js";

const VERIFY_FLAGS: Record<string, CliFlag> = {
  signature: { help: "the signature header value to check (non-SNAP: including HMACSHA256=)" },
  "max-skew": {
    help: "also require |now - timestamp| <= this many seconds (default: no window check)",
    optional: true,
  },
  now: { help: "reference time for --max-skew, ISO-8601 (default: the current clock)", optional: true },
};

function maxSkewMs(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--max-skew must be a whole number of seconds, got "${value}"`);
  return Number(value) * 1000;
}

function now(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const parsed = parseTimestamp(value);
  if (parsed === undefined)
    throw new UsageError(
      `--now must be an ISO-8601 timestamp like 2024-03-26T16:01:41+07:00, got "${value}"`,
    );
  return parsed.epochMs;
}

export const verify: Command = async (args, ctx) => {
  const [name, ...rest] = args;
  if (args.includes("--help") || args.includes("-h")) {
    ctx.stdout(schemeHelp("verify", name, VERIFY_FLAGS));
    return 0;
  }
  const scheme = schemeOf("verify", name);
  const values = parseSchemeArgs("verify", name!, rest, { ...scheme.verifyFlags, ...VERIFY_FLAGS }, ctx);
  const window = { maxSkewMs: maxSkewMs(values["max-skew"]), now: now(values["now"]) };
  const { request, options } = await scheme.verify(cliInputs(values, ctx), values["signature"] ?? "");
  const result = verifyRequest(request, { ...options, ...window });
  if (result.ok) {
    ctx.stdout("valid\n");
    return 0;
  }
  ctx.stderr(`invalid: ${result.reason} (${result.rule})\n`);
  return 1;
};
