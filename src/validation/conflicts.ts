/**
 * `x-doku-conflict` on a schema node: a finding on that field (or below it) is a warning instead of an
 * error when the value satisfies the conflict's `alternative` (what another DOKU source accepts), or when
 * the conflict has no `alternative` at all (`alternative: false` documents a conflict the schema already
 * settles: nothing is excused). `--strict` (model `strictly`) turns these back into errors.
 */
import { SpecError } from "../model/errors.js";
import type { CompiledValidator, DokuConflict, ValidatorSet } from "../model/operation.js";
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
const generated = new WeakMap<ValidatorSet, WeakMap<JsonSchema, Map<JsonSchema, CompiledValidator>>>();

/** The validator key of the `n`th conflict alternative under schema slot `slotKey` (generate and runtime). */
export function conflictKey(slotKey: string, n: number): string {
  return `${slotKey}#conflict/${n}`;
}

/**
 * Every object `alternative` of an `x-doku-conflict` under `root`, in document order: generate compiles the
 * `n`th as `conflictKey(slot, n)` and the runtime finds it by the same walk.
 */
export function conflictAlternatives(root: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const conflict = (node as JsonSchema)["x-doku-conflict"];
    if (isConflict(conflict) && isSchemaObject(conflict.alternative)) out.push(conflict.alternative);
    for (const value of Object.values(node)) visit(value);
  };
  visit(root);
  return out;
}

/** What an alternative is checked as: itself, with its slot's `$defs` when it has none of its own. */
export function alternativeSchema(alternative: JsonSchema, root: JsonSchema): JsonSchema {
  return root.$defs !== undefined && alternative.$defs === undefined
    ? { ...alternative, $defs: root.$defs }
    : alternative;
}

/** The generated validators of the alternatives under `root` (slot `slotKey`), by alternative object. */
function generatedFor(root: JsonSchema, slotKey: string, validators: ValidatorSet) {
  let bySlot = generated.get(validators);
  if (bySlot === undefined) {
    bySlot = new WeakMap();
    generated.set(validators, bySlot);
  }
  let byAlternative = bySlot.get(root);
  if (byAlternative === undefined) {
    byAlternative = new Map();
    for (const [n, alternative] of conflictAlternatives(root).entries()) {
      const validate = validators[conflictKey(slotKey, n)];
      if (validate !== undefined) byAlternative.set(alternative, validate);
    }
    bySlot.set(root, byAlternative);
  }
  return byAlternative;
}

/**
 * The alternative's validator: the generated one (generated/validators.js) when the slot's validators are
 * given, else compiled here once (schemas built outside generate, e.g. in tests).
 */
function alternativeValidator(
  conflict: DokuConflict,
  root: JsonSchema,
  where: string,
  validators: ValidatorSet | undefined,
): CompiledValidator {
  const alternative = conflict.alternative as JsonSchema;
  const fromGenerate = validators && generatedFor(root, where, validators).get(alternative);
  if (fromGenerate !== undefined) return fromGenerate;
  let validate = compiled.get(alternative);
  if (validate === undefined) {
    ajv ??= createAjv();
    try {
      validate = ajv.compile(alternativeSchema(alternative, root)) as unknown as CompiledValidator;
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

const isSchemaObject = (value: unknown): value is JsonSchema =>
  value !== null && typeof value === "object" && !Array.isArray(value);

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
  validators?: ValidatorSet,
): ConflictVerdict | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i] as ChainNode;
    const conflict = node.schema["x-doku-conflict"];
    if (!isConflict(conflict)) continue;
    const alternative = conflict.alternative as unknown;
    const accepts =
      alternative === undefined ||
      alternative === true ||
      (alternative !== false &&
        alternativeValidator(conflict, root, where, validators)(valueAt(data, node.pointer)));
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
