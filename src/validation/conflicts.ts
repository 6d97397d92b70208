/**
 * `x-doku-conflict` on a schema node: a finding on that field (or below it) is a warning instead of an
 * error when the value satisfies the conflict's `alternative` (what another DOKU source accepts), or when
 * the conflict has no `alternative` at all (`alternative: false` documents a conflict the schema already
 * settles: nothing is excused). `--strict` (model `strictly`) turns these back into errors.
 */
import { SpecError } from "../model/errors.js";
import type { CompiledValidator, DokuConflict } from "../model/operation.js";
import { valueAt } from "../model/pointer.js";
import type { JsonSchema } from "../model/schema.js";
import { createAjv } from "./ajv.js";
import type { ChainNode } from "./schema-chain.js";

export interface ConflictVerdict {
  conflict: DokuConflict;
  /** One sentence naming what the other source says. */
  alternative: string;
}

let ajv: ReturnType<typeof createAjv> | undefined;
const compiled = new WeakMap<JsonSchema, CompiledValidator>();

function alternativeValidator(conflict: DokuConflict, root: JsonSchema, where: string): CompiledValidator {
  const alternative = conflict.alternative as JsonSchema;
  let validate = compiled.get(alternative);
  if (validate === undefined) {
    ajv ??= createAjv();
    const schema =
      root.$defs !== undefined && alternative.$defs === undefined
        ? { ...alternative, $defs: root.$defs }
        : alternative;
    try {
      validate = ajv.compile(schema) as unknown as CompiledValidator;
    } catch (error) {
      throw new SpecError(
        `x-doku-conflict "${conflict.id}" has an alternative that does not compile: ${(error as Error).message}`,
        where,
        { cause: error },
      );
    }
    compiled.set(alternative, validate);
  }
  return validate;
}

function isConflict(value: unknown): value is DokuConflict {
  return value !== null && typeof value === "object" && typeof (value as { id?: unknown }).id === "string";
}

/** What the other source says, as one sentence: the conflict's summary, else its sources. */
export function alternativeSentence(conflict: DokuConflict): string {
  if (typeof conflict.summary === "string" && conflict.summary.trim() !== "") return conflict.summary.trim();
  const sources = Array.isArray(conflict.sources) ? conflict.sources : [];
  return sources.map((s) => `${s.source} says ${s.says}`).join("; ") || `see x-doku-conflict ${conflict.id}`;
}

/**
 * The conflict that downgrades a finding, deepest first: one without `alternative`, or one whose
 * alternative accepts the value found at the conflict's own node. Undefined: the finding stays an error.
 */
export function tolerated(
  chain: readonly ChainNode[],
  data: unknown,
  root: JsonSchema,
  where: string,
): ConflictVerdict | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i] as ChainNode;
    const conflict = node.schema["x-doku-conflict"];
    if (!isConflict(conflict)) continue;
    const alternative = conflict.alternative as unknown;
    const accepts =
      alternative === undefined ||
      alternative === true ||
      (alternative !== false && alternativeValidator(conflict, root, where)(valueAt(data, node.pointer)));
    if (accepts) {
      return { conflict, alternative: alternativeSentence(conflict) };
    }
  }
  return undefined;
}

/** The words a tolerated finding's message ends with; the sentence itself travels in `conflict.alternative`. */
export function toleratedNote(verdict: ConflictVerdict): string {
  return `a warning: DOKU's sources disagree here, see x-doku-conflict ${verdict.conflict.id}`;
}
