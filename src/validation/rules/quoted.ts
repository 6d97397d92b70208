/**
 * The recorded conflict that quotes the value a rule finding points at (conflict-covers.ts): the field's own
 * conflicts (deepest first), then the operation's. Used only when reporting (ValidateOptions.quotedConflicts).
 */
import type { DokuConflict, Operation, SchemaRef } from "../../model/index.js";
import { parsePointer, valueAt } from "../../model/pointer.js";
import { conflictCovering } from "../conflict-covers.js";
import { instanceWalk } from "../schema-chain.js";

function conflictsAt(operation: Operation, schema: SchemaRef | undefined, pointer: string): DokuConflict[] {
  const field = schema
    ? instanceWalk(schema.schema, parsePointer(pointer))
        .map((node) => node.schema["x-doku-conflict"] as DokuConflict | undefined)
        .filter((c): c is DokuConflict => typeof c?.id === "string")
        .reverse()
    : [];
  return [...field, ...operation.conflicts];
}

/** The conflict quoting the value at `pointer` in `body`, or undefined. */
export function quotedConflictAt(
  operation: Operation,
  schema: SchemaRef | undefined,
  body: unknown,
  pointer: string,
): DokuConflict | undefined {
  return conflictCovering(conflictsAt(operation, schema, pointer), valueAt(body, pointer));
}
