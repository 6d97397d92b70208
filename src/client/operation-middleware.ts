/**
 * openapi-fetch middleware that turns a typed call into the request DOKU expects, and DOKU's answer into
 * data or a DokuError. Per request: find the operation by method and path template in the operation table;
 * fill the headers DOKU requires (fill-headers.ts); optionally validate the request; sign it by the
 * operation's `x-doku-auth` over the exact body text sent; on DOKU's token-invalid answer (401, case code
 * of the scheme's `token-unknown` fault: 401xx01) fetch a fresh B2B token and send once more, never twice;
 * a non-2xx answer becomes a DokuError; optionally validate the answer.
 */
import type { Middleware } from "openapi-fetch";
import { UsageError } from "../model/errors.js";
import type { Operation, SpecBundle } from "../model/operation.js";
import { hasErrors } from "../model/violation.js";
import { type Credentials, defaultTimestamp, SCHEMES, signRequest } from "../signatures/index.js";
import { validateRequest, validateResponse } from "../validation/index.js";
import { DokuError, parseResponseCode } from "./doku-error.js";
import { type FillValues, fillHeaders, signerHeaders } from "./fill-headers.js";
import type { TokenSource } from "./token-source.js";

/** What the client validates with the spec's validators; both off by default. */
export interface ValidateCalls {
  request?: boolean;
  response?: boolean;
}

/** The operation table and validators (generated/ through conformance/), given or loaded on first use. */
export type ClientBundle = Pick<SpecBundle, "operations" | "validators">;

export interface OperationMiddlewareOptions {
  bundle: ClientBundle | (() => Promise<ClientBundle>);
  credentials: Credentials;
  tokens: TokenSource;
  fill: FillValues;
  /** Sends the retry after a token-invalid answer (the client's fetch, timeout included). */
  fetch: (request: Request) => Promise<Response>;
  now: () => number;
  validate: ValidateCalls;
  /** Sees each signed request; pass headers through redactHeaders before printing them. */
  onSigned?: (request: Request) => void;
}

/** One request as built before signing, kept to re-sign the retry. */
interface Pending {
  operation: Operation;
  url: string;
  method: string;
  body: string;
  headers: Record<string, string>;
  generated: string[];
  signal: AbortSignal;
}

/** The operation of a request, by method and path template (UsageError naming close paths otherwise). */
export function findOperation(bundle: ClientBundle, method: string, schemaPath: string): Operation {
  const upper = method.toUpperCase();
  const found = bundle.operations.find(
    (o) => o.kind === "path" && o.method === upper && o.path === schemaPath,
  );
  if (found !== undefined) return found;
  const known = bundle.operations.filter((o) => o.kind === "path").map((o) => `${o.method} ${o.path}`);
  throw new UsageError(
    `${upper} ${schemaPath} is not an operation of the DOKU spec (known: ${known.join(", ")})`,
  );
}

/** True for DOKU's answer to an unknown or expired B2B token under `operation`'s scheme. */
async function isTokenInvalid(operation: Operation, response: Response): Promise<boolean> {
  const caseCode = SCHEMES[operation.auth].faults?.byRule["token-unknown"]?.caseCode;
  if (response.status !== 401 || caseCode === undefined) return false;
  const parts = parseResponseCode(parseJson(await response.clone().text())?.responseCode);
  return parts?.httpStatus === 401 && parts.caseCode === caseCode;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The middleware for one client. */
export function operationMiddleware(options: OperationMiddlewareOptions): Middleware {
  const pending = new Map<string, Pending>();
  let loaded: Promise<ClientBundle> | undefined;
  const bundle = () => {
    const given = options.bundle;
    loaded ??= typeof given === "function" ? given() : Promise.resolve(given);
    return loaded;
  };

  async function sign(p: Pending, fresh: boolean): Promise<Request> {
    const scheme = SCHEMES[p.operation.auth];
    const headers = { ...p.headers };
    if (fresh) {
      const again = fillHeaders(
        p.operation,
        Object.fromEntries(Object.entries(headers).filter(([k]) => !p.generated.includes(k))),
        p.body !== "",
        options.fill,
      );
      Object.assign(headers, again.headers);
    }
    const url = new URL(p.url);
    const signed = signRequest({
      auth: p.operation.auth,
      method: p.method,
      path: url.pathname + url.search,
      body: p.body,
      headers,
      credentials: options.credentials,
      ...(scheme.bearer === "required" ? { accessToken: await options.tokens.get() } : {}),
      timestamp: defaultTimestamp(p.operation.auth, options.now()),
    });
    const init: RequestInit = { method: signed.method, headers: signed.headers, signal: p.signal };
    if (signed.body !== "") init.body = signed.body;
    const out = new Request(p.url, init);
    options.onSigned?.(out);
    return out;
  }

  return {
    async onRequest({ request, schemaPath, params, id }) {
      const { validators, operations } = await bundle();
      const operation = findOperation({ operations, validators }, request.method, schemaPath);
      const body = await request.text();
      const given = Object.fromEntries(request.headers.entries());
      const filled = fillHeaders(operation, given, body !== "", options.fill);
      const target = { operation, validators };
      const violations = [...filled.missing];
      if (options.validate.request) {
        // The signer's headers are written after validation; their absence here is not the caller's doing.
        const signed = signerHeaders(operation);
        const path = (params as { path?: Record<string, unknown> }).path;
        violations.push(
          ...validateRequest(target, {
            body: body === "" ? undefined : parseBody(body),
            headers: filled.headers,
            ...(path === undefined
              ? {}
              : { path: Object.fromEntries(Object.entries(path).map(([k, v]) => [k, String(v)])) }),
          }).filter(
            (v) =>
              !(v.rule === "required" && signed.has(v.pointer.replace(/^\/headers\//, "").toLowerCase())),
          ),
        );
      }
      if (hasErrors(violations))
        throw new DokuError({ kind: "invalid-request", operationId: operation.id, violations });
      const p: Pending = {
        operation,
        url: request.url,
        method: request.method,
        body,
        headers: filled.headers,
        generated: filled.generated,
        signal: request.signal,
      };
      const out = await sign(p, false);
      pending.set(id, p);
      return out;
    },

    async onResponse({ response, id }) {
      const p = pending.get(id);
      pending.delete(id);
      if (p === undefined) return undefined;
      let answer = response;
      if (SCHEMES[p.operation.auth].bearer === "required" && (await isTokenInvalid(p.operation, answer))) {
        options.tokens.invalidate();
        answer = await send(p.operation.id, () => sign(p, true).then(options.fetch));
      }
      const text = await answer.text();
      const body = parseBody(text);
      if (!answer.ok)
        throw new DokuError({ kind: "response", operationId: p.operation.id, status: answer.status, body });
      if (options.validate.response) {
        const violations = validateResponse(
          { operation: p.operation, validators: (await bundle()).validators },
          { status: answer.status, body, headers: Object.fromEntries(answer.headers.entries()) },
        );
        if (hasErrors(violations)) {
          throw new DokuError({
            kind: "invalid-response",
            operationId: p.operation.id,
            status: answer.status,
            body,
            violations,
          });
        }
      }
      // The body was read above; hand openapi-fetch a fresh copy (none for statuses that cannot carry one).
      const nullBody = [101, 204, 205, 304].includes(answer.status);
      return new Response(nullBody ? null : text, {
        status: answer.status,
        statusText: answer.statusText,
        headers: answer.headers,
      });
    },

    onError({ error, id, schemaPath, request }) {
      const p = pending.get(id);
      pending.delete(id);
      return asDokuError(p?.operation.id ?? `${request.method} ${schemaPath}`, error);
    },
  };
}

/** A fetch failure as a DokuError (timeout or network); a caller's own abort passes through. */
function asDokuError(operationId: string, error: unknown): Error {
  if (error instanceof DokuError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  if (name === "AbortError") return error as Error;
  return new DokuError({ kind: name === "TimeoutError" ? "timeout" : "network", operationId, cause: error });
}

async function send(operationId: string, go: () => Promise<Response>): Promise<Response> {
  try {
    return await go();
  } catch (error) {
    throw asDokuError(operationId, error);
  }
}
