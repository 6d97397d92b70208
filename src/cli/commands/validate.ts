/**
 * `doku-conformance validate --operation <id> (--request <file|-> | --response <file|-> [--status <code>])
 * [--format text|json] [--strict]`: one body against the spec. Exit 0 valid (warnings allowed), 1 invalid,
 * 2 usage (unknown operation, unreadable file, malformed JSON, bad flags).
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../../model/errors.js";
import type { Operation } from "../../model/operation.js";
import { hasErrors, type Violation } from "../../model/violation.js";
import { operationValidation, validateRequest, validateResponse } from "../../validation/index.js";
import { parseJsonText } from "../../validation/json-text.js";
import { utf8Violation } from "../../validation/utf8.js";
import type { CliContext, Command } from "../context.js";

const USAGE = `Usage: doku-conformance validate --operation <id> (--request <file|-> | --response <file|-> [--status <code>])
                                  [--format text|json] [--strict]
  --request   the request body (for a webhook operation: the callback DOKU sends)
  --response  the response body (for a webhook operation: the merchant's answer to DOKU)
  --status    HTTP status of the response (default: the operation's first documented 2xx)
  --strict    documented source conflicts count as errors, not warnings
`;

async function readInput(
  flag: string,
  file: string,
  ctx: CliContext,
): Promise<{ name: string; text: string; bytes?: Buffer }> {
  if (file === "-") {
    if (ctx.readStdinBytes === undefined) return { name: "<stdin>", text: await ctx.readStdin() };
    const bytes = await ctx.readStdinBytes();
    return { name: "<stdin>", text: bytes.toString("utf8"), bytes };
  }
  try {
    const bytes = await readFile(resolve(ctx.cwd, file));
    return { name: file, text: bytes.toString("utf8"), bytes };
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message;
    throw new UsageError(
      `cannot read --${flag} file "${file}" (${code}); pass a readable JSON file or - for stdin`,
    );
  }
}

function defaultStatus(operation: Operation): number {
  const first = operation.responses.find((r) => /^2[0-9][0-9]$/.test(r.status));
  if (first === undefined)
    throw new UsageError(`${operation.id} documents no 2xx response; pass --status <code>`);
  return Number(first.status);
}

function parseStatus(text: string): number {
  if (!/^[1-5][0-9][0-9]$/.test(text))
    throw new UsageError(`--status must be an HTTP status code (100-599), got "${text}"`);
  return Number(text);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const show = (value: unknown) => JSON.stringify(value) ?? "undefined";

/** The readable list: one block per violation, then "valid" or "N errors, M warnings". */
export function renderText(title: string, violations: readonly Violation[]): string {
  const lines = [title];
  for (const v of violations) {
    lines.push(
      `${v.severity.padEnd(7)}  ${v.pointer || "(body)"}  ${v.rule}  expected ${show(v.expected)}, actual ${show(v.actual)}`,
    );
    lines.push(`         ${v.message}`);
    if (v.conflict) lines.push(`         conflict ${v.conflict.id}: ${v.conflict.alternative}`);
    lines.push(`         source: ${v.source}`);
  }
  const errors = violations.filter((v) => v.severity === "error").length;
  const warnings = violations.length - errors;
  if (errors === 0) lines.push(warnings === 0 ? "valid" : `valid (${plural(warnings, "warning")})`);
  else lines.push(`${plural(errors, "error")}, ${plural(warnings, "warning")}`);
  return `${lines.join("\n")}\n`;
}

function checkBody(
  input: { name: string; text: string },
  direction: "request" | "response",
  target: ReturnType<typeof operationValidation>,
  status: number,
  strict: boolean,
): Violation[] {
  const parsed = parseJsonText(input.text);
  if (!parsed.ok)
    throw new UsageError(
      `${input.name}: malformed JSON at line ${parsed.line}, column ${parsed.column}: ${parsed.reason}`,
    );
  return direction === "request"
    ? validateRequest(target, { body: parsed.value }, { strict, quotedConflicts: "warning" })
    : validateResponse(target, { status, body: parsed.value }, { strict, quotedConflicts: "warning" });
}

export const validate: Command = async (args, ctx) => {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      operation: { type: "string" },
      request: { type: "string" },
      response: { type: "string" },
      status: { type: "string" },
      format: { type: "string", default: "text" },
      strict: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    ctx.stdout(USAGE);
    return 0;
  }
  if (values.operation === undefined) throw new UsageError("validate needs --operation <id>");
  if (values.request !== undefined && values.response !== undefined) {
    throw new UsageError("pass either --request or --response, not both");
  }
  if (values.request === undefined && values.response === undefined) {
    throw new UsageError("pass --request <file|-> or --response <file|->");
  }
  if (values.status !== undefined && values.response === undefined)
    throw new UsageError("--status applies to --response only");
  if (values.format !== "text" && values.format !== "json") {
    throw new UsageError(`--format must be text or json, got "${values.format}"`);
  }
  const target = operationValidation(await ctx.loadBundle(), values.operation);
  const direction = values.request !== undefined ? "request" : "response";
  const status =
    direction === "response"
      ? values.status
        ? parseStatus(values.status)
        : defaultStatus(target.operation)
      : 0;
  const input = await readInput(direction, (values.request ?? values.response) as string, ctx);
  // Bytes that are not UTF-8 are the violation (decoding them leniently would hide it).
  const encoding = input.bytes && utf8Violation(input.bytes, target.operation.id, direction);
  const violations = encoding ? [encoding] : checkBody(input, direction, target, status, values.strict);
  const valid = !hasErrors(violations);
  if (values.format === "json") {
    ctx.stdout(`${JSON.stringify({ valid, violations }, null, 2)}\n`);
  } else {
    const who =
      target.operation.kind === "webhook"
        ? direction === "request"
          ? " (DOKU's callback)"
          : " (the merchant's answer)"
        : "";
    const what = direction === "request" ? "request" : `response ${status}`;
    ctx.stdout(renderText(`${target.operation.id} ${what}${who}: ${input.name}`, violations));
  }
  return valid ? 0 : 1;
};
