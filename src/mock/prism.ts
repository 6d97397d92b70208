/**
 * Success bodies come from Stoplight Prism, embedded: the bundled document is parsed once at start
 * (getHttpOperationsFromSpec), and each answer is Prism's mock for the operation (spec example, or schema-
 * generated data with `Prefer: dynamic=true`). Prism's request validation, security checks and routing
 * are not used: the mock routes, authenticates and validates itself, and never copies Prism's
 * `sl-violations` header (whose non-Latin-1 text crashes the Prism CLI, stoplightio/prism#1934).
 */
import { createRequire } from "node:module";
import type { IHttpConfig, ProblemJson } from "@stoplight/prism-http";
import type { IHttpOperation, HttpMethod as PrismMethod } from "@stoplight/types";
import { SpecError } from "../model/errors.js";
import type { Operation } from "../model/operation.js";
import { deferUnusedModules } from "./lazy-faker.js";
import { type Preferences, preferenceKey } from "./prefer.js";

/** What Prism produced: a status, its headers and the body as a value. */
export interface PrismAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Prism could not answer (e.g. `Prefer: code=` names an undocumented status): a problem+json body. */
export interface PrismProblem {
  status: number;
  problem: ProblemJson;
}

export interface PrismMocker {
  /** Prism's answer for `op`; cached per operation and preference unless dynamic. */
  answer(op: Operation, prefs: Preferences): Promise<PrismAnswer | PrismProblem>;
}

/** Prism's operations per bundled document object (bundles are not changed once loaded). */
const parsed = new WeakMap<object, Promise<IHttpOperation[]>>();

/**
 * Prism's reading of `document` (a copy: Prism's dereferencing mutates), once per document object: a
 * process that starts several mocks from one bundle (a test suite, the benchmarks) parses it once. The
 * operations are shared the way one long-lived Prism instance shares them across its requests. A failed
 * parse is not kept.
 */
export function parsedOperations(document: Record<string, unknown>): Promise<IHttpOperation[]> {
  let operations = parsed.get(document);
  if (operations === undefined) {
    const { getHttpOperationsFromSpec } = loadPrism();
    operations = getHttpOperationsFromSpec(structuredClone(document));
    parsed.set(document, operations);
    operations.catch(() => parsed.delete(document));
  }
  return operations;
}

/** Parses the bundled document (once per document object: parsedOperations) and returns the mocker. */
export async function createPrismMocker(document: Record<string, unknown>): Promise<PrismMocker> {
  const { createLogger, createInstance, ProblemJsonError } = loadPrism();
  let httpOperations: IHttpOperation[];
  try {
    httpOperations = await parsedOperations(document);
  } catch (error) {
    throw new SpecError(`Prism cannot read the bundled document: ${(error as Error).message}`, "#", {
      cause: error,
    });
  }
  const byId = new Map(httpOperations.map((op) => [op.iid ?? `${op.method} ${op.path}`, op]));
  const logger = createLogger("doku-conformance-mock", { level: "silent" });
  const prism = createInstance(config({ dynamic: false }), { logger });
  const cache = new Map<string, PrismAnswer>();

  return {
    async answer(op, prefs) {
      const cacheKey = `${op.id}|${preferenceKey(prefs)}`;
      const cached = prefs.dynamic ? undefined : cache.get(cacheKey);
      if (cached !== undefined)
        return { ...cached, headers: { ...cached.headers }, body: structuredClone(cached.body) };
      const resource = byId.get(op.id);
      if (resource === undefined) throw new SpecError(`Prism found no operation "${op.id}"`, op.pointer);
      const method = op.method.toLowerCase() as PrismMethod;
      // The template path routes to the one resource given; path parameter values do not matter to Prism.
      const result = await prism.request(
        { method, url: { path: op.path }, headers: {} },
        [resource],
        config(prefs),
      )();
      if (result._tag === "Left") {
        const problem = ProblemJsonError.toProblemJson(result.left as Error & { status?: number });
        return { status: problem.status || 500, problem };
      }
      const output = result.right.output;
      const answer: PrismAnswer = {
        status: output.statusCode,
        headers: stringHeaders(output.headers),
        body: output.body,
      };
      if (!prefs.dynamic) cache.set(cacheKey, { ...answer, body: structuredClone(answer.body) });
      return answer;
    },
  };
}

type PrismModules = typeof import("@stoplight/prism-http") & {
  createLogger: typeof import("@stoplight/prism-core").createLogger;
};
let prismModules: PrismModules | undefined;

/** Requires Prism (CommonJS) with faker deferred; require() shares the module cache the stand-in sits in. */
function loadPrism(): PrismModules {
  if (prismModules) return prismModules;
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@stoplight/prism-http");
  deferUnusedModules(entry);
  const http = require(entry) as typeof import("@stoplight/prism-http");
  const core = require("@stoplight/prism-core") as typeof import("@stoplight/prism-core");
  prismModules = { ...http, createLogger: core.createLogger };
  return prismModules;
}

/** A fresh config per call: Prism mutates `mock` (it stores the Accept media types there). */
function config(prefs: Preferences): IHttpConfig {
  const mock: IHttpConfig["mock"] = { dynamic: prefs.dynamic };
  if (prefs.code !== undefined) mock.code = prefs.code;
  if (prefs.exampleKey !== undefined) mock.exampleKey = prefs.exampleKey;
  if (prefs.seed !== undefined) mock.seed = prefs.seed;
  return {
    isProxy: false,
    mock,
    validateRequest: false,
    validateResponse: false,
    checkSecurity: false,
    errors: false,
    upstreamProxy: undefined,
  };
}

function stringHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value === "string" || typeof value === "number") out[name] = String(value);
  }
  return out;
}

/** True for a PrismProblem. */
export function isProblem(answer: PrismAnswer | PrismProblem): answer is PrismProblem {
  return "problem" in answer;
}
