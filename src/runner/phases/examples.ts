/**
 * examples: the spec's named request examples, sent signed. Headers and path parameters come from a valid
 * generated case (parameter examples are not in the operation table). An example the spec itself flags as
 * invalid (a documented doc error) is sent as a labelled negative instead of being expected to pass.
 */
import fc from "fast-check";
import type { Case, Expectation } from "../../model/case.js";
import { operationValidation, validateRequest } from "../../validation/validate.js";
import type { PlannedCase } from "../planned.js";
import type { PhasePlanner } from "./context.js";

export const examples: PhasePlanner = (ctx) => {
  const { operation } = ctx;
  if (operation.request.examples.length === 0) return [];
  const [base] = fc.sample(ctx.source.valid(operation), { seed: ctx.seed, numRuns: 1 });
  if (!base) return [];
  const target = operationValidation(ctx.bundle, operation.id);
  return operation.request.examples.map((example, index): PlannedCase => {
    const errors = validateRequest(target, { body: example.value }).filter((v) => v.severity === "error");
    const first = errors[0];
    const expect: Expectation = first
      ? {
          kind: "reject",
          pointer: first.pointer,
          rule: first.rule,
          reason: `the spec's example "${example.name}" breaks ${first.rule}: ${first.message}`,
        }
      : { kind: "accept" };
    const { rawBody: _raw, ...rest } = base;
    const kase: Case = {
      ...rest,
      phase: "examples",
      body: example.value,
      expect,
      label: `example "${example.name}"${first ? " (invalid in the spec)" : ""}`,
    };
    return { operation, phase: "examples", index, case: kase };
  });
};
