/**
 * Every merchant -> DOKU operation in the specs, called through the package's createDokuClient against the
 * embedded mock with request and response validation on. The list is the operation table (paths only), so
 * operations the breadth issues add are covered without touching this file. Bodies: a valid case drawn
 * from src/arbitraries (fixed seeds, one per call, so unique keys stay unique); an operation with
 * `x-doku-setup` first has its prerequisite made through the client and is bound to it, as the runner does.
 * Headers: only those the client cannot fill (e.g. Authorization-Customer) are passed in.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { createDokuClient } from "../../conformance/client.js";
import { caseArbitrary } from "../../src/arbitraries/index.js";
import { END_USER_HEADERS } from "../../src/client/index.js";
import type { RunningMock } from "../../src/mock/index.js";
import { startMock } from "../../src/mock/index.js";
import type { Operation, SpecBundle } from "../../src/model/operation.js";
import { parsePointer, valueAt } from "../../src/model/pointer.js";
import { SCHEMES } from "../../src/signatures/schemes.js";

let bundle: SpecBundle;
let mock: RunningMock;
let doku: ReturnType<typeof createDokuClient>;
const sent: Request[] = [];

beforeAll(async () => {
  bundle = await loadSpecBundle();
  mock = await startMock({ bundle });
  doku = createDokuClient({
    baseUrl: mock.url,
    credentials: {
      clientId: mock.identity.clientId,
      secretKey: mock.identity.secretKey,
      privateKey: mock.identity.merchantPrivateKeyPem ?? "",
    },
    deviceId: "95221",
    ipAddress: "192.0.2.10",
    validate: { request: true, response: true },
    onSigned: (request) => sent.push(request),
  });
}, 60_000);

afterAll(() => mock.close());

interface Call {
  path: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** Headers the client fills for `op` (scheme ids, one-value headers, end-user headers, Content-Type). */
function fillable(op: Operation, name: string): boolean {
  const lower = name.toLowerCase();
  const scheme = SCHEMES[op.auth];
  if (Object.values(scheme.headers).some((h) => h.toLowerCase() === lower)) return true;
  if (lower === "content-type" || name.toUpperCase() in END_USER_HEADERS) return true;
  const schema = (
    op.request.headers?.schema.properties as Record<string, { enum?: unknown[] }> | undefined
  )?.[name];
  return schema?.enum?.length === 1;
}

/**
 * Seeds differ per call and draws are unbiased (no leaning towards "", "0", "1"): a prerequisite made twice
 * must not reuse unique keys (trxId, invoice_number).
 */
let seed = 42;

function validCall(op: Operation): Call {
  const [kase] = fc.sample(fc.noBias(caseArbitrary(op, "valid")), { seed: seed++, numRuns: 1 });
  if (kase === undefined) throw new Error(`no valid case for ${op.id}`);
  const headers = Object.fromEntries(Object.entries(kase.headers).filter(([name]) => !fillable(op, name)));
  return { path: kase.pathParams, headers, body: kase.body };
}

const results = new Map<string, { status: number; request: Call; data: unknown; headers: Headers }>();

async function call(op: Operation, request: Call) {
  const init = {
    params: { path: request.path, header: request.headers },
    ...(request.body === undefined ? {} : { body: request.body }),
  };
  // The table is iterated at run time, so the typed signature of each path cannot be named statically.
  const { data, response } = await doku.client.request(
    op.method.toLowerCase() as "post",
    op.path as never,
    init as never,
  );
  const last = sent.at(-1);
  const result = { status: response.status, request, data, headers: last?.headers ?? new Headers() };
  results.set(op.id, result);
  return result;
}

function setValue(target: unknown, pointer: string, value: unknown): void {
  const keys = parsePointer(pointer);
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
}

/** The prerequisite of `op` made through the client, and `request` bound to it (x-doku-setup). */
async function bound(op: Operation, request: Call): Promise<Call> {
  if (op.setup === undefined) return request;
  const creator = bundle.operations.find((o) => o.id === op.setup?.creates);
  if (creator === undefined) throw new Error(`${op.id}: setup operation ${op.setup.creates} not found`);
  const created = await call(creator, await bound(creator, validCall(creator)));
  const out: Call = { ...request, path: { ...request.path }, body: structuredClone(request.body) };
  for (const { from, to } of op.setup.bind) {
    const colon = from.indexOf(":");
    const [where, what] = [from.slice(0, colon), from.slice(colon + 1)];
    const value =
      where === "header"
        ? created.headers.get(what)
        : valueAt(where === "request" ? created.request.body : created.data, what);
    if (value === undefined || value === null) continue;
    if (to.startsWith("path:")) out.path[to.slice(5)] = String(value);
    else if (to.startsWith("header:")) out.headers[to.slice(7)] = String(value);
    else setValue(out.body, to, value);
  }
  return out;
}

describe("every operation in the specs through createDokuClient (mock, validation on)", async () => {
  const ops = (await loadSpecBundle()).operations.filter((o) => o.kind === "path");

  it("covers the whole operation table", () => {
    expect(ops.length).toBeGreaterThanOrEqual(12);
  });

  for (const op of ops) {
    it(`${op.id}: ${op.method} ${op.path} answers 2xx, valid by the spec`, async () => {
      const { status, headers } = await call(op, await bound(op, validCall(op)));
      expect(status).toBeGreaterThanOrEqual(200);
      expect(status).toBeLessThan(300);
      const required = (op.request.headers?.schema.required as string[] | undefined) ?? [];
      for (const name of required) expect(headers.get(name), `${op.id} sent ${name}`).not.toBeNull();
      const declared = Object.keys((op.request.headers?.schema.properties as object | undefined) ?? {});
      if (declared.includes("X-DEVICE-ID")) expect(headers.get("X-DEVICE-ID")).toBe("95221");
    }, 30_000);
  }
});
