/**
 * The callback flows the kit plays as DOKU (CONTRACT.md `callback --flow`): which webhook operation DOKU
 * sends, which family signs it, and whether it is an inquiry (the answer carries a bill) or a notification
 * (the answer only acknowledges). Spec data: each webhook declares its flow with `x-doku-flow`, the
 * merchant's token endpoint is the webhook with `x-doku-role: token` (specs/README.md "DOKU facts").
 */

import { SpecError, UsageError } from "../model/errors.js";
import type { CallbackKind, Operation, SpecBundle } from "../model/operation.js";
import type { SchemeFamily } from "../signatures/scheme.js";
import { SCHEMES } from "../signatures/schemes.js";

export type { CallbackKind } from "../model/operation.js";

/** A flow's CLI name (`--flow`), as the spec's `x-doku-flow` declares it: "snap-va-inquiry", ... */
export type FlowName = string;

/** SNAP callbacks use a bearer token and a --callback-auth mode; non-SNAP ones the HMAC component lines. */
export type FlowFamily = SchemeFamily;

export interface Flow {
  name: FlowName;
  /** The webhook operation DOKU sends (generated/operations.ts id). */
  operationId: string;
  family: FlowFamily;
  kind: CallbackKind;
  summary: string;
}

const cache = new WeakMap<readonly Operation[], Readonly<Record<FlowName, Flow>>>();

/** Every flow the bundle's webhooks declare, by CLI name, in spec order. */
export function flowsOf(bundle: Pick<SpecBundle, "operations">): Readonly<Record<FlowName, Flow>> {
  let flows = cache.get(bundle.operations);
  if (!flows) {
    const table: Record<FlowName, Flow> = {};
    for (const op of bundle.operations) {
      if (op.kind !== "webhook" || !op.flow) continue;
      const { name, kind, summary } = op.flow;
      const family = SCHEMES[op.auth].family;
      table[name] = { name, operationId: op.id, family, kind, summary };
    }
    flows = table;
    cache.set(bundle.operations, flows);
  }
  return flows;
}

/** The flow names in CLI (spec) order. */
export function flowNamesOf(bundle: Pick<SpecBundle, "operations">): FlowName[] {
  return Object.keys(flowsOf(bundle));
}

/** The named flow; an unknown name is a UsageError listing the known ones. */
export function requireFlow(bundle: Pick<SpecBundle, "operations">, name: string): Flow {
  const flow = Object.hasOwn(flowsOf(bundle), name) ? flowsOf(bundle)[name] : undefined;
  if (!flow)
    throw new UsageError(`--flow ${name}: unknown flow; expected one of ${flowNamesOf(bundle).join(", ")}`);
  return flow;
}

/** The SNAP webhook DOKU calls first to get a bearer token from the merchant (--token-url). */
export function callbackTokenOperation(bundle: Pick<SpecBundle, "operations">): Operation {
  const op = bundle.operations.find((o) => o.kind === "webhook" && o.role === "token");
  if (!op)
    throw new SpecError(
      "no webhook declares x-doku-role: token (the merchant's token endpoint)",
      "#/webhooks",
    );
  return op;
}
