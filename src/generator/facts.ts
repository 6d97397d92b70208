/**
 * The DOKU facts an operation declares as `x-doku-*` extensions (specs/README.md "DOKU facts"): setup
 * prerequisite, unique keys, read-only, role, callback flow, mock behaviour, source coverage. Each is validated here; a
 * malformed one is a SpecError naming the operation and the extension's pointer.
 */
import { SpecError } from "../model/errors.js";
import type {
  Coverage,
  FlowDeclaration,
  Operation,
  SetupBinding,
  SimulateDeclaration,
  UniqueKeyGroup,
} from "../model/operation.js";

type Obj = Record<string, unknown>;
type Facts = Pick<
  Operation,
  "setup" | "uniqueKeys" | "readOnly" | "role" | "flow" | "mock" | "coverage" | "simulate"
>;

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FROM = /^(request:\/|response:\/|header:[A-Za-z0-9-]+$)/;
const FLOW_KINDS: readonly string[] = ["inquiry", "notification"];
const ROLES: readonly string[] = ["token"];

/** The facts of one operation; `pathParams` are the names of its path parameters (for `path:` bindings). */
export function factsOf(op: Obj, id: string, kind: Operation["kind"], pointer: string, pathParams: string[]) {
  const fail = (ext: string, what: string): never => {
    throw new SpecError(`operation ${id}: ${ext} ${what}`, `${pointer}/${ext}`);
  };
  const facts: Facts = {};
  const coverage = op["x-doku-coverage"];
  if (coverage !== undefined) facts.coverage = coverageOf(coverage, fail);
  const setup = op["x-doku-setup"];
  if (setup !== undefined) {
    const s = setup as Obj;
    if (!isObj(setup) || typeof s.creates !== "string" || !Array.isArray(s.bind) || s.bind.length === 0)
      fail(
        "x-doku-setup",
        "must be {creates: <operationId>, bind: [{from, to}, ...]} with at least one binding",
      );
    facts.setup = {
      creates: s.creates as string,
      bind: (s.bind as unknown[]).map((b) => binding(b, pathParams, fail)),
    };
  }
  const keys = op["x-doku-unique-keys"];
  if (keys !== undefined) {
    if (!Array.isArray(keys) || keys.length === 0) fail("x-doku-unique-keys", "must be a non-empty list");
    facts.uniqueKeys = (keys as unknown[]).map((g) => keyGroup(g, fail));
  }
  const readOnly = op["x-doku-read-only"];
  if (readOnly !== undefined && readOnly !== true)
    fail("x-doku-read-only", "must be true (omit it otherwise)");
  if (readOnly === true) facts.readOnly = true;
  const role = op["x-doku-role"];
  if (role !== undefined) {
    if (typeof role !== "string" || !ROLES.includes(role))
      fail("x-doku-role", `must be one of ${ROLES.join(", ")}`);
    facts.role = role as "token";
  }
  const flow = op["x-doku-flow"];
  if (flow !== undefined) {
    if (kind !== "webhook") fail("x-doku-flow", "applies to webhooks only");
    facts.flow = flowOf(flow, fail);
  }
  const mock = op["x-doku-mock"];
  if (mock !== undefined) {
    if (typeof mock !== "string" || !NAME.test(mock))
      fail("x-doku-mock", "must be a kebab-case behaviour name");
    facts.mock = mock as string;
  }
  const simulate = op["x-doku-simulate"];
  if (simulate !== undefined) {
    if (kind !== "path" || facts.mock === undefined)
      fail("x-doku-simulate", "applies to merchant -> DOKU operations with an x-doku-mock behaviour only");
    facts.simulate = simulateOf(simulate, fail);
  }
  return facts;
}

/** Cross-operation checks: setup targets exist and are paths, unique flow names and one token role per kind. */
export function checkFacts(operations: readonly Operation[]): void {
  const flows = new Set<string>();
  const tokens = new Set<string>();
  for (const op of operations) {
    if (op.setup) {
      const creator = operations.find((o) => o.id === op.setup?.creates);
      if (creator?.kind !== "path" || creator.setup)
        throw new SpecError(
          `operation ${op.id}: x-doku-setup creates "${op.setup.creates}", which is not a merchant -> DOKU operation without setup of its own`,
          `${op.pointer}/x-doku-setup/creates`,
        );
    }
    if (op.flow) {
      if (flows.has(op.flow.name))
        throw new SpecError(
          `operation ${op.id}: duplicate x-doku-flow name "${op.flow.name}"`,
          `${op.pointer}/x-doku-flow/name`,
        );
      flows.add(op.flow.name);
    }
    if (op.simulate) checkSimulate(op, operations);
    if (op.role === "token") {
      if (tokens.has(op.kind))
        throw new SpecError(
          `operation ${op.id}: a second ${op.kind} with x-doku-role token`,
          `${op.pointer}/x-doku-role`,
        );
      tokens.add(op.kind);
    }
  }
}

type Fail = (ext: string, what: string) => never;

function binding(raw: unknown, pathParams: string[], fail: Fail): SetupBinding {
  const b = raw as Obj;
  if (!isObj(raw) || typeof b.from !== "string" || typeof b.to !== "string")
    return fail("x-doku-setup", "bind entries must be {from, to} strings");
  const { from, to } = b as { from: string; to: string };
  if (!FROM.test(from))
    fail("x-doku-setup", `bind from "${from}": expected request:/ptr, response:/ptr or header:Name`);
  if (to.startsWith("header:")) {
    if (!/^header:[A-Za-z0-9-]+$/.test(to)) fail("x-doku-setup", `bind to "${to}": expected header:Name`);
  } else if (to.startsWith("path:")) {
    if (!pathParams.includes(to.slice(5))) fail("x-doku-setup", `bind to "${to}": no such path parameter`);
  } else if (!to.startsWith("/"))
    fail("x-doku-setup", `bind to "${to}": expected a body pointer (/...), path:name or header:Name`);
  return { from, to };
}

function keyGroup(raw: unknown, fail: Fail): UniqueKeyGroup {
  const g = raw as Obj;
  const pointers = g.pointers;
  if (!isObj(raw) || typeof g.space !== "string" || !NAME.test(g.space))
    return fail("x-doku-unique-keys", "entries need a kebab-case space");
  if (
    !Array.isArray(pointers) ||
    pointers.length === 0 ||
    !pointers.every((p) => typeof p === "string" && p.startsWith("/"))
  )
    return fail("x-doku-unique-keys", `space ${g.space}: pointers must be a non-empty list of body pointers`);
  return { space: g.space, pointers: pointers as string[] };
}

function coverageOf(raw: unknown, fail: Fail): Coverage {
  const c = raw as Obj;
  if (isObj(raw) && c.status === "complete" && c.missing === undefined) return { status: "complete" };
  if (isObj(raw) && c.status === "partial" && typeof c.missing === "string" && c.missing.trim() !== "")
    return { status: "partial", missing: c.missing.trim() };
  return fail(
    "x-doku-coverage",
    "must be {status: complete} or {status: partial, missing: <what the sources leave out>}",
  );
}

function flowOf(raw: unknown, fail: Fail): FlowDeclaration {
  const f = raw as Obj;
  if (!isObj(raw) || typeof f.name !== "string" || !NAME.test(f.name))
    return fail("x-doku-flow", "needs a kebab-case name");
  if (typeof f.kind !== "string" || !FLOW_KINDS.includes(f.kind))
    return fail("x-doku-flow", `kind must be one of ${FLOW_KINDS.join(", ")}`);
  if (typeof f.summary !== "string" || f.summary === "") return fail("x-doku-flow", "needs a summary");
  return { name: f.name, kind: f.kind as FlowDeclaration["kind"], summary: f.summary };
}

function simulateOf(raw: unknown, fail: Fail): SimulateDeclaration {
  const s = raw as Obj;
  const shape =
    "must be {family, kind, notification, inquiry?, notificationBy?: {pointer, flows: {value: flow}}, retryAfterSeconds: [ascending whole seconds]} (kebab-case names)";
  if (!isObj(raw)) return fail("x-doku-simulate", shape);
  for (const key of ["family", "kind", "notification"])
    if (typeof s[key] !== "string" || !NAME.test(s[key] as string))
      return fail("x-doku-simulate", `${shape}; ${key} is missing or not kebab-case`);
  if (s.inquiry !== undefined && (typeof s.inquiry !== "string" || !NAME.test(s.inquiry)))
    return fail("x-doku-simulate", `${shape}; inquiry is not kebab-case`);
  const by = s.notificationBy as Obj | undefined;
  if (
    by !== undefined &&
    (!isObj(by) ||
      typeof by.pointer !== "string" ||
      !by.pointer.startsWith("/") ||
      !isObj(by.flows) ||
      Object.keys(by.flows).length === 0 ||
      !Object.values(by.flows).every((f) => typeof f === "string" && NAME.test(f)))
  )
    return fail("x-doku-simulate", `${shape}; notificationBy is not {pointer: "/...", flows: {value: flow}}`);
  const retry = s.retryAfterSeconds;
  if (
    !Array.isArray(retry) ||
    !retry.every(
      (n, i) =>
        Number.isInteger(n) && (n as number) > 0 && (i === 0 || (n as number) > (retry[i - 1] as number)),
    )
  )
    return fail("x-doku-simulate", `${shape}; retryAfterSeconds is not ascending whole seconds`);
  return {
    family: s.family as string,
    kind: s.kind as string,
    notification: s.notification as string,
    ...(s.inquiry === undefined ? {} : { inquiry: s.inquiry as string }),
    ...(by === undefined
      ? {}
      : { notificationBy: { pointer: by.pointer as string, flows: by.flows as Record<string, string> } }),
    retryAfterSeconds: retry as number[],
  };
}

/** The named flows exist with the right kind, and every operation of one family declares the same flows. */
function checkSimulate(op: Operation, operations: readonly Operation[]): void {
  const simulate = op.simulate as SimulateDeclaration;
  const at = `${op.pointer}/x-doku-simulate`;
  for (const [key, kind] of [
    ["notification", "notification"],
    ["inquiry", "inquiry"],
  ] as const) {
    const name = simulate[key];
    if (name === undefined) continue;
    const flow = operations.find((o) => o.flow?.name === name)?.flow;
    if (flow?.kind !== kind)
      throw new SpecError(
        `operation ${op.id}: x-doku-simulate ${key} "${name}" is not a webhook x-doku-flow of kind ${kind}`,
        `${at}/${key}`,
      );
  }
  for (const [value, name] of Object.entries(simulate.notificationBy?.flows ?? {}))
    if (operations.find((o) => o.flow?.name === name)?.flow?.kind !== "notification")
      throw new SpecError(
        `operation ${op.id}: x-doku-simulate notificationBy ${value} "${name}" is not a webhook x-doku-flow of kind notification`,
        `${at}/notificationBy/flows/${value}`,
      );
  const same = operations.find((o) => o.simulate?.family === simulate.family);
  const a = same?.simulate;
  if (
    a !== undefined &&
    (a.notification !== simulate.notification ||
      a.inquiry !== simulate.inquiry ||
      JSON.stringify(a.notificationBy) !== JSON.stringify(simulate.notificationBy) ||
      a.retryAfterSeconds.join() !== simulate.retryAfterSeconds.join())
  )
    throw new SpecError(
      `operation ${op.id}: x-doku-simulate family "${simulate.family}" declares other flows or retries than ${same?.id}`,
      at,
    );
}

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
