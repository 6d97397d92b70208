/**
 * Operation -> Arbitrary<Case>: path parameters (substituted into the path), non-signature headers and
 * the body, in three modes: valid (property), boundary and negative. Plans are built once per operation
 * and options; every impossible schema or rule fails here, at build time, with a SpecError.
 */
import type fc from "fast-check";
import type { Case } from "../model/case.js";
import type { Operation } from "../model/operation.js";
import { fromChoices } from "./choice.js";
import { compileSchemaRef } from "./compile.js";
import type { CompileOptions } from "./family.js";
import { asStrings, HEADER_NEGATIVES, PATH_NEGATIVES, withoutSignerHeaders } from "./headers.js";
import { makePart, type Part } from "./part.js";
import { type Generated, type Mode, type PartKey, type PartsPlan, planParts } from "./parts.js";
import type { Unsupported } from "./shape.js";

export interface CaseOptions {
  /** How often one $ref may nest inside itself (default 3). */
  depth?: number;
  /** Occasional unknown properties where additionalProperties allows them (default: webhooks only, DOKU authors those). */
  extraProperties?: boolean;
}

const plans = new WeakMap<Operation, Map<string, PartsPlan>>();

function requestParts(op: Operation, options: CaseOptions): Partial<Record<PartKey, Part>> {
  const depth = options.depth ?? 3;
  const body: CompileOptions = {
    context: "body",
    extras: options.extraProperties ?? op.kind === "webhook",
    depth,
  };
  const wire: CompileOptions = { context: "header", extras: false, depth };
  const where = op.pointer;
  const parts: Partial<Record<PartKey, Part>> = {};
  const { path, headers, body: bodyRef } = op.request;
  if (path)
    parts.pathParams = makePart(compileSchemaRef(path, wire), [], {
      prefix: "/path",
      where,
      negativeKeywords: PATH_NEGATIVES,
    });
  if (headers) {
    const shape = withoutSignerHeaders(compileSchemaRef(headers, wire));
    parts.headers = makePart(shape, [], { prefix: "/headers", where, negativeKeywords: HEADER_NEGATIVES });
  }
  if (bodyRef)
    parts.body = makePart(
      compileSchemaRef(bodyRef, body),
      op.rules.filter((r) => r.in === "request"),
      { where },
    );
  return parts;
}

/** The operation's parts plan (cached per operation object and options). */
export function operationPlan(op: Operation, options: CaseOptions = {}): PartsPlan {
  const key = JSON.stringify([options.depth ?? 3, options.extraProperties ?? null]);
  const byOptions = plans.get(op) ?? new Map<string, PartsPlan>();
  plans.set(op, byOptions);
  let plan = byOptions.get(key);
  if (!plan) {
    plan = planParts(requestParts(op, options), op.pointer);
    byOptions.set(key, plan);
  }
  return plan;
}

function toCase(op: Operation, g: Generated): Case {
  const pathParams = asStrings(g.values.pathParams);
  const path = op.path.replace(/\{([^}]+)\}/g, (m, name: string) =>
    pathParams[name] === undefined ? m : encodeURIComponent(pathParams[name]),
  );
  return {
    operationId: op.id,
    phase: g.phase,
    method: op.method,
    path,
    pathParams,
    headers: asStrings(g.values.headers),
    ...(g.values.body !== undefined ? { body: g.values.body } : {}),
    expect: g.expect,
    label: g.label,
  };
}

/** Cases for `op` in `mode`; deterministic per fast-check seed, shrinkable (shrinks keep labels true). */
export function caseArbitrary(op: Operation, mode: Mode, options?: CaseOptions): fc.Arbitrary<Case> {
  const decode = operationPlan(op, options).decoder(mode);
  return fromChoices((c) => toCase(op, decode(c)));
}

/** Every boundary case of `op`, in a fixed order (path, headers, body; schema order within). */
export function boundaryCases(op: Operation, options?: CaseOptions): Case[] {
  return operationPlan(op, options)
    .boundaries()
    .items.map((g) => toCase(op, g));
}

/** Every negative case of `op`, one per breakable rule and field, in a fixed order. */
export function negativeCases(op: Operation, options?: CaseOptions): Case[] {
  return operationPlan(op, options)
    .negatives()
    .items.map((g) => toCase(op, g));
}

/** Negatives the generator cannot build without breaking a second rule, each with the reason. */
export function unsupportedNegatives(op: Operation, options?: CaseOptions): Unsupported[] {
  return operationPlan(op, options).negatives().unsupported;
}

/** Boundary values that no valid case can hold (e.g. a length the rules forbid), each with the reason. */
export function skippedBoundaries(op: Operation, options?: CaseOptions): Unsupported[] {
  return operationPlan(op, options).boundaries().skipped;
}
