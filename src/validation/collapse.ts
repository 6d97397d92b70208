/**
 * Noise control for ajv's allErrors output. `oneOf`/`anyOf` report every branch's failures plus their own
 * error: keep the errors of the branch the value most plausibly meant (no type/const/enum mismatch at the
 * composite's own level, fewest errors), else only the composite's error. `if` repeats its then/else
 * failures: drop it when they are present.
 */
import type { AjvLikeError } from "../model/operation.js";
import type { JsonSchema } from "../model/schema.js";
import { resolveLocalRef } from "./schema-chain.js";

const COMPOSITE = new Set(["oneOf", "anyOf"]);
/** A failure of these at the composite's own instance means "this branch is not the shape meant". */
const SHAPE_KEYWORDS = new Set(["type", "const", "enum", "discriminator", "false schema"]);

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The branch index an error belongs to, or -1 when it cannot be told (e.g. a shared `$ref` target). */
function branchOf(root: JsonSchema, composite: AjvLikeError, error: AjvLikeError): number {
  const prefix = `${composite.schemaPath}/`;
  if (error.schemaPath.startsWith(prefix)) return Number(error.schemaPath.slice(prefix.length).split("/")[0]);
  const holder = composite.schemaPath.slice(0, -(composite.keyword.length + 1));
  const branches = resolveLocalRef(root, holder)?.[composite.keyword];
  const match = /^#\/\$defs\/[^/]+/.exec(error.schemaPath)?.[0];
  if (!Array.isArray(branches) || match === undefined) return -1;
  const hits = branches.flatMap((b, i) => ((b as JsonSchema | null)?.$ref === match ? [i] : []));
  return hits.length === 1 ? (hits[0] as number) : -1;
}

/** Indices of the errors ajv emitted while evaluating the composite at `k` (contiguous, just before it). */
function branchErrors(errors: readonly AjvLikeError[], k: number): number[] {
  const composite = errors[k] as AjvLikeError;
  const out: number[] = [];
  for (let i = k - 1; i >= 0; i--) {
    const e = errors[i] as AjvLikeError;
    const inside = e.schemaPath.startsWith(`${composite.schemaPath}/`) || e.schemaPath.startsWith("#/$defs/");
    if (!inside || !under(e.instancePath, composite.instancePath)) break;
    out.push(i);
  }
  return out;
}

/** The errors worth reporting, in ajv's order. */
export function collapseErrors(root: JsonSchema, errors: readonly AjvLikeError[]): AjvLikeError[] {
  const keep = errors.map(() => true);
  errors.forEach((error, k) => {
    if (error.keyword === "if") {
      const previous = errors[k - 1];
      if (previous !== undefined && keep[k - 1] && under(previous.instancePath, error.instancePath))
        keep[k] = false;
      return;
    }
    if (!COMPOSITE.has(error.keyword)) return;
    const inside = branchErrors(errors, k).filter((i) => keep[i]);
    const passing = error.params.passingSchemas;
    if (Array.isArray(passing) && passing.length > 1) {
      for (const i of inside) keep[i] = false;
      return;
    }
    const groups = new Map<number, number[]>();
    for (const i of inside) {
      const b = branchOf(root, error, errors[i] as AjvLikeError);
      groups.set(b, [...(groups.get(b) ?? []), i]);
    }
    let best: number[] | undefined;
    for (const [branch, members] of groups) {
      const wrongShape = members.some((i) => {
        const e = errors[i] as AjvLikeError;
        return SHAPE_KEYWORDS.has(e.keyword) && e.instancePath === error.instancePath;
      });
      if (branch >= 0 && !wrongShape && (best === undefined || members.length < best.length)) best = members;
    }
    for (const i of inside) keep[i] = best?.includes(i) ?? false;
    keep[k] = best === undefined;
  });
  return errors.filter((_, k) => keep[k]);
}
