/**
 * Reproduction: each distinct violation gets a replay record in <output-dir>/replays/ (the request exactly as
 * sent: method, URL, headers, body bytes — the signature only verifies over those exact bytes), a curl line
 * re-sending it from those files, and the rerun line that regenerates the same case from the seed.
 * Files are written 0600: the headers hold the (short-lived) bearer token as sent.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Exchange, Phase } from "../model/case.js";
import type { Violation } from "../model/violation.js";

export interface RerunParts {
  seed: number;
  operationId: string;
  phase: Phase;
  /** Omitted when "mock" (the default). */
  target: string;
  /** Omitted when 100 (the default) or irrelevant to the phase. */
  cases: number;
  /** Omitted when 25 (the default) or irrelevant to the phase. */
  negativeCases?: number;
}

/** `doku-conformance run --seed N --operation X --phase P [--target T] [--cases C | --negative-cases C]`. */
export function rerunLine(parts: RerunParts): string {
  const extra = [
    ...(parts.target === "mock" ? [] : [`--target ${shellQuote(parts.target)}`]),
    ...(parts.cases === 100 || parts.phase !== "property" ? [] : [`--cases ${parts.cases}`]),
    ...(parts.negativeCases === undefined || parts.negativeCases === 25 || parts.phase !== "negative"
      ? []
      : [`--negative-cases ${parts.negativeCases}`]),
  ];
  return [
    "doku-conformance run",
    `--seed ${parts.seed}`,
    `--operation ${parts.operationId}`,
    `--phase ${parts.phase}`,
    ...extra,
  ].join(" ");
}

/** The flags a whole run was started with; each omitted when not given (the default then applies). */
export interface RerunAllParts {
  seed: number;
  target?: string | undefined;
  operations?: readonly string[] | undefined;
  phases?: readonly string[] | undefined;
  cases?: number | undefined;
  negativeCases?: number | undefined;
  shard?: string | undefined;
  strict?: boolean | undefined;
}

/** The "rerun everything" command: the seed and every flag that chose what was sent. */
export function rerunAllLine(parts: RerunAllParts): string {
  const flag = (name: string, value: string | number | undefined) =>
    value === undefined ? [] : [`--${name} ${shellQuote(String(value))}`];
  return [
    "doku-conformance run",
    `--seed ${parts.seed}`,
    ...(parts.target === "mock" ? [] : flag("target", parts.target)),
    ...(parts.operations ?? []).flatMap((op) => flag("operation", op)),
    ...(parts.phases ?? []).flatMap((phase) => flag("phase", phase)),
    ...flag("cases", parts.cases),
    ...flag("negative-cases", parts.negativeCases),
    ...flag("shard", parts.shard),
    ...(parts.strict ? ["--strict"] : []),
  ].join(" ");
}

/** A curl line reading headers and body from the replay files (so no secret lands in a log). */
export function curlLine(
  method: string,
  url: string,
  headersFile: string,
  bodyFile: string | undefined,
): string {
  const body = bodyFile === undefined ? "" : ` --data-binary @${shellQuote(bodyFile)}`;
  return `curl -sS --path-as-is -X ${method} ${shellQuote(url)} -H @${shellQuote(headersFile)}${body}`;
}

export interface ReplayInput {
  name: string;
  exchange: Exchange;
  violation: Violation;
  seed: number;
  caseIndex: number;
  rerun: string;
}

/** Writes <dir>/replays/<name>.{json,headers,body}; returns paths relative to `dir` and the curl line (relative to `cwd`). */
export async function writeReplay(
  dir: string,
  cwd: string,
  input: ReplayInput,
): Promise<{ replay: string; curl: string }> {
  const replays = join(dir, "replays");
  await mkdir(replays, { recursive: true });
  const { request, response, case: kase } = input.exchange;
  const base = join(replays, input.name);
  const headerLines = Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`);
  await writeFile(`${base}.headers`, `${headerLines.join("\n")}\n`, { mode: 0o600 });
  const hasBody = request.body !== "";
  if (hasBody) await writeFile(`${base}.body`, request.body, { mode: 0o600 });
  const curl = curlLine(
    request.method,
    request.url,
    relative(cwd, `${base}.headers`),
    hasBody ? relative(cwd, `${base}.body`) : undefined,
  );
  const record = {
    operationId: kase.operationId,
    phase: kase.phase,
    case: kase.label,
    caseIndex: input.caseIndex,
    seed: input.seed,
    expect: kase.expect,
    violation: input.violation,
    request,
    response: response
      ? { status: response.status, headers: response.headers, body: response.body }
      : { error: input.exchange.error },
    durationMs: Math.round(input.exchange.durationMs),
    curl,
    rerun: input.rerun,
  };
  await writeFile(`${base}.json`, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  return { replay: relative(dir, `${base}.json`), curl };
}

/** Quotes for a POSIX shell when needed. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:@=,+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
