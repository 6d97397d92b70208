/**
 * Bodies on their own: request bodies for callback flows (DOKU -> merchant webhooks) and valid
 * DOKU-shaped response bodies for a status (the mock and misbehaving test servers use these). SNAP
 * responses get responseCode = status + service code + a documented case code.
 */
import type fc from "fast-check";
import type { Expectation, Phase } from "../model/case.js";
import { SpecError } from "../model/errors.js";
import type { DokuRule, Operation, SchemaRef } from "../model/operation.js";
import { valueAt } from "../model/pointer.js";
import { checkShape } from "./builders.js";
import { compileSchemaRef } from "./compile.js";
import { set } from "./json.js";
import { makePart, type PartOptions } from "./part.js";
import { type Mode, type PartsPlan, planParts } from "./parts.js";
import { NAT } from "./rules/plan.js";
import type { Shape } from "./shape.js";

/** A generated body with what the receiver must do with it. */
export interface GeneratedBody {
  value: unknown;
  phase: Phase;
  expect: Expectation;
  label: string;
}

export interface BodyOptions {
  /** $ref depth budget (default 3). */
  depth?: number;
  /** Occasional unknown properties where additionalProperties allows them (default true: DOKU authors these). */
  extraProperties?: boolean;
}

const requestPlans = new WeakMap<object, Map<string, PartsPlan>>();

function requestPlan(ref: SchemaRef, rules: readonly DokuRule[], options: BodyOptions): PartsPlan {
  const key = JSON.stringify([
    ref.key,
    rules.map((r) => r.id),
    options.depth ?? 3,
    options.extraProperties ?? true,
  ]);
  const byKey = requestPlans.get(ref.schema) ?? new Map<string, PartsPlan>();
  requestPlans.set(ref.schema, byKey);
  let plan = byKey.get(key);
  if (!plan) {
    const shape = compileSchemaRef(ref, {
      context: "body",
      extras: options.extraProperties ?? true,
      depth: options.depth ?? 3,
    });
    const requestRules = rules.filter((r) => r.in === "request");
    plan = planParts({ body: makePart(shape, requestRules, { where: ref.key }) }, ref.key);
    byKey.set(key, plan);
  }
  return plan;
}

/** Request bodies of `ref` honouring the request rules, in `mode` (valid, boundary, negative). */
export function requestBodyArbitrary(
  ref: SchemaRef,
  rules: readonly DokuRule[],
  mode: Mode = "valid",
  options: BodyOptions = {},
): fc.Arbitrary<GeneratedBody> {
  return requestPlan(ref, rules, options)
    .arbitrary(mode)
    .map((g) => ({ value: g.values.body, phase: g.phase, expect: g.expect, label: g.label }));
}

/** The deterministic boundary or negative list for a request body. */
export function requestBodyCases(
  ref: SchemaRef,
  rules: readonly DokuRule[],
  mode: "boundary" | "negative",
  options: BodyOptions = {},
): GeneratedBody[] {
  const plan = requestPlan(ref, rules, options);
  const items = mode === "boundary" ? plan.boundaries().items : plan.negatives().items;
  return items.map((g) => ({ value: g.values.body, phase: g.phase, expect: g.expect, label: g.label }));
}

/** SNAP envelope: responseCode = status (3) + service code (2) + case code (2), when the body has one. */
function snapEnvelope(
  op: Operation,
  status: string,
  caseCodes: readonly string[] | undefined,
  shape: Shape,
): PartOptions["finish"] {
  const codeShape =
    shape.kind === "object" ? shape.props.find((p) => p.name === "responseCode")?.shape : undefined;
  if (op.serviceCode === undefined || !/^[0-9]{3}$/.test(status) || !codeShape) return undefined;
  return {
    extras: (c) => c.next(NAT),
    apply(value, extra) {
      const old = valueAt(value, "/responseCode");
      const tail = caseCodes?.length
        ? caseCodes[(extra as number) % caseCodes.length]
        : typeof old === "string"
          ? old.slice(5)
          : "00";
      const code = `${status}${op.serviceCode}${tail}`;
      if (old !== undefined && checkShape(codeShape, code).length === 0) set(value, "/responseCode", code);
    },
  };
}

const responsePlans = new WeakMap<Operation, Map<string, fc.Arbitrary<unknown>>>();

/** Valid response bodies of `op` for `status` ("200", "404", ... or "default"), response rules honoured. */
export function responseBodyArbitrary(
  op: Operation,
  status: string,
  options: BodyOptions = {},
): fc.Arbitrary<unknown> {
  const key = JSON.stringify([status, options.depth ?? 3, options.extraProperties ?? null]);
  const byKey = responsePlans.get(op) ?? new Map<string, fc.Arbitrary<unknown>>();
  responsePlans.set(op, byKey);
  const hit = byKey.get(key);
  if (hit) return hit;
  const response =
    op.responses.find((r) => r.status === status) ?? op.responses.find((r) => r.status === "default");
  if (!response?.body)
    throw new SpecError(
      `response ${status} of ${op.id} has no body schema`,
      `${op.pointer}/responses/${status}`,
    );
  const extras = options.extraProperties ?? op.kind === "path";
  const shape = compileSchemaRef(response.body, { context: "body", extras, depth: options.depth ?? 3 });
  const numeric = /^[0-9]{3}$/.test(status) ? Number(status) : undefined;
  const finish = snapEnvelope(op, status, response.caseCodes, shape);
  const rules = op.rules.filter((r) => r.in === "response");
  const part = makePart(shape, rules, {
    where: op.pointer,
    ...(numeric !== undefined ? { status: numeric } : {}),
    ...(finish ? { finish } : {}),
  });
  byKey.set(key, part.valid);
  return part.valid;
}
