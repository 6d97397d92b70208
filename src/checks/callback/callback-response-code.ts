/**
 * `response-code` on the merchant's answer: the runner's check (7 digits = HTTP status + service code +
 * a documented case code) where the spec documents a responseCode for the status — conflict-aware: when
 * the body schema's `responseCode` carries an x-doku-conflict whose alternative accepts the value (e.g. the
 * SDKs' 2002700 on a VA payment notification, where DOKU's page says 2002500), the finding is a warning
 * naming the conflict, unless --strict.
 */

import type { CompiledValidator, DokuConflict } from "../../model/operation.js";
import type { JsonSchema } from "../../model/schema.js";
import type { Violation } from "../../model/violation.js";
import { createAjv } from "../../validation/ajv.js";
import { alternativeSentence } from "../../validation/conflicts.js";
import { selectResponse } from "../../validation/validate.js";
import type { CheckContext } from "../check.js";
import { responseCode } from "../response-code.js";
import type { CallbackCheck } from "./context.js";

const compiled = new WeakMap<object, CompiledValidator>();
let ajv: ReturnType<typeof createAjv> | undefined;

function accepts(conflict: DokuConflict, value: unknown): boolean {
  if (conflict.alternative === undefined) return true;
  let validate = compiled.get(conflict.alternative);
  if (validate === undefined) {
    ajv ??= createAjv();
    validate = ajv.compile(conflict.alternative) as unknown as CompiledValidator;
    compiled.set(conflict.alternative, validate);
  }
  return validate(value);
}

/** The responseCode schema of the documented response for `status`, when there is one. */
export function responseCodeSchema(
  ctx: Pick<CheckContext, "operation">,
  status: number,
): JsonSchema | undefined {
  const body = selectResponse(ctx.operation, status)?.body?.schema;
  const properties = body?.properties as Record<string, JsonSchema> | undefined;
  return properties?.responseCode;
}

export const callbackResponseCode: CallbackCheck = (ctx, exchange) => {
  const response = exchange.response;
  if (!response) return [];
  const schema = responseCodeSchema(ctx, response.status);
  if (schema === undefined) return [];
  const found = responseCode(ctx, exchange);
  const conflict = schema["x-doku-conflict"] as DokuConflict | undefined;
  const value = (response.json as { responseCode?: unknown } | undefined)?.responseCode;
  if (found.length === 0 || ctx.strict || conflict?.id === undefined || !accepts(conflict, value))
    return found;
  const alternative = alternativeSentence(conflict);
  return found.map(
    (v): Violation => ({
      ...v,
      severity: "warning",
      message: `${v.message} (tolerated: sources disagree, x-doku-conflict ${conflict.id}: ${alternative})`,
      conflict: { id: conflict.id, alternative },
    }),
  );
};
