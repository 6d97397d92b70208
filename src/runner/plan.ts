/**
 * The plan: which operations run (merchant -> DOKU `paths` only, never webhooks), filtered by --operation
 * and split by --shard (round-robin over the spec's order, so every shard gets a fair mix).
 */
import { UsageError } from "../model/errors.js";
import type { Operation, SpecBundle } from "../model/operation.js";
import { requireOperation } from "../validation/operation-lookup.js";

/** Selects the operations to run; unknown or webhook ids are a UsageError naming them. */
export function selectOperations(
  bundle: SpecBundle,
  ids: readonly string[] | undefined,
  shard: { index: number; count: number } | undefined,
): Operation[] {
  const paths = bundle.operations.filter((op) => op.kind === "path");
  let selected = paths;
  if (ids !== undefined) {
    for (const id of ids) {
      const op = requireOperation(bundle, id);
      if (op.kind === "webhook") {
        throw new UsageError(
          `operation "${id}" is a DOKU -> merchant callback; test it with doku-conformance callback`,
        );
      }
    }
    selected = paths.filter((op) => ids.includes(op.id));
  }
  if (!shard) return selected;
  return selected.filter((_op, i) => i % shard.count === shard.index - 1);
}
