/**
 * The raw ceiling of a target, as the runner and scale benches measure it: the requests a runner sent,
 * recorded, then re-sent in the same order by a plain keep-alive loop (8 in flight by default), each
 * re-signed on the fly (fresh access token, X-EXTERNAL-ID / Request-Id and timestamp), nothing generated
 * and nothing checked. Because they are the runner's own valid cases, a target with state and signature
 * checks (the kit's mock) does its full work for each, as it did for the runner; the answers' statuses are
 * counted so that a bench can refuse a "ceiling" made of refusals.
 */
import { createLimiter } from "../src/engine/limiter.js";
import { createHttpTransport, type Transport } from "../src/engine/transport.js";
import { createRouter } from "../src/mock/routes.js";
import type { SentRequest } from "../src/model/case.js";
import type { Operation, SpecBundle } from "../src/model/operation.js";
import { headerValue, withoutHeaders } from "../src/signatures/headers.js";
import { signRequest } from "../src/signatures/request-signer.js";

/** A transport that records what it sends. */
export function recording(inner: Transport, sent: SentRequest[]): Transport {
  return {
    send(request, options) {
      sent.push(request);
      return inner.send(request, options);
    },
    close: () => inner.close(),
  };
}

export interface ReplayCredentials {
  clientId: string;
  secretKey: string;
  privateKey: string;
}

export interface Replayed {
  ms: number;
  requests: number;
  /** Answers by status class: "2xx", "4xx", "5xx", … */
  statuses: Record<string, number>;
}

const RESIGNED = [
  "Authorization",
  "X-TIMESTAMP",
  "X-SIGNATURE",
  "Request-Timestamp",
  "Signature",
  "X-CLIENT-KEY",
  "X-EXTERNAL-ID",
  "Request-Id",
];

/** Re-sends `sent` to `base` (path and query kept, origin replaced); the time covers signing and sending. */
export async function replay(
  sent: readonly SentRequest[],
  options: { base: string; bundle: SpecBundle; credentials: ReplayCredentials; concurrency?: number },
): Promise<Replayed> {
  const { base, bundle, credentials } = options;
  const concurrency = options.concurrency ?? 8;
  // The mock's own router: the operation a recorded request was sent to (its scheme re-signs it).
  const route = createRouter(bundle.operations);
  const operationOf = (method: string, path: string): Operation | undefined => {
    const found = route(method, path);
    return "found" in found ? found.found.op : undefined;
  };
  // Everything but signing and sending is prepared before the clock starts.
  const prepared = sent.map((request) => {
    const url = new URL(request.url);
    return {
      request,
      path: url.pathname + url.search,
      op: operationOf(request.method, url.pathname),
      externalId: headerValue(request.headers, "X-EXTERNAL-ID") !== undefined,
      requestId: headerValue(request.headers, "Request-Id") !== undefined,
      headers: withoutHeaders(request.headers, RESIGNED),
    };
  });
  const transport = createHttpTransport({ maxSockets: concurrency });
  const limiter = createLimiter({ concurrency });
  const statuses: Record<string, number> = {};
  let counter = 0;
  let token: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    const t = signRequest({
      auth: "snap-asymmetric-token",
      method: "POST",
      path: "/authorization/v1/access-token/b2b",
      body: '{"grantType":"client_credentials"}',
      headers: { "Content-Type": "application/json" },
      credentials,
    });
    const answer = await transport.send(
      { method: "POST", url: `${base}${t.path}`, headers: t.headers, body: t.body },
      { timeoutMs: 30_000 },
    );
    return (answer.json as { accessToken: string }).accessToken;
  };
  const started = performance.now();
  await Promise.all(
    prepared.map((p) =>
      limiter.run(async () => {
        const headers = { ...p.headers };
        const n = `${Date.now()}${String(++counter).padStart(6, "0")}`;
        if (p.externalId) headers["X-EXTERNAL-ID"] = n;
        if (p.requestId) headers["Request-Id"] = `raw-${n}`;
        if (p.op?.auth === "snap-symmetric") token ??= fetchToken();
        const accessToken = p.op?.auth === "snap-symmetric" ? await token : undefined;
        const signed = signRequest({
          auth: p.op?.auth ?? "nonsnap-hmac",
          method: p.request.method,
          path: p.path,
          body: p.request.body,
          headers,
          credentials,
          ...(accessToken ? { accessToken } : {}),
        });
        const answer = await transport.send(
          { method: p.request.method, url: `${base}${p.path}`, headers: signed.headers, body: signed.body },
          { timeoutMs: 30_000 },
        );
        const kind = `${String(answer.status)[0]}xx`;
        statuses[kind] = (statuses[kind] ?? 0) + 1;
      }),
    ),
  );
  const ms = performance.now() - started;
  await transport.close();
  return { ms, requests: sent.length, statuses };
}
