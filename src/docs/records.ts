/**
 * What the spec records about a field (x-doku-conflict ids, x-doku-unconfirmed), and the reverse audit: spec
 * examples that cite a seed must be samples of it.
 */
import type { Operation, SpecBundle } from "../model/operation.js";
import type { JsonSchema } from "../model/schema.js";
import type { PageCorpus } from "./corpus.js";
import { type AuditFinding, emitter } from "./findings.js";
import { atPointer, chainAt, conflictIds, containedIn, deepEqual } from "./schema.js";

/** The x-doku-conflict ids and x-doku-unconfirmed marks on a field of an operation (any slot), and op-level ids. */
export function recordsFor(op: Operation, field: string): { conflicts: string[]; unconfirmed: boolean } {
  const conflicts = op.conflicts.map((c) => c.id);
  let unconfirmedMark = false;
  const roots: JsonSchema[] = [
    op.request.body,
    op.request.headers,
    ...op.responses.flatMap((r) => [r.body, r.headers]),
  ]
    .filter((r) => r !== undefined)
    .map((r) => r.schema);
  for (const root of roots) {
    for (const caseless of [false, true]) {
      const chain = chainAt(root, caseless ? [field] : field.split("."), caseless);
      if (chain === undefined) continue;
      conflicts.push(...conflictIds(chain.at(-1)));
      if (chain.some((n) => n["x-doku-unconfirmed"] !== undefined)) unconfirmedMark = true;
    }
  }
  return { conflicts, unconfirmed: unconfirmedMark };
}

/**
 * The reverse direction: every spec example or x-doku-fragments entry whose summary starts by citing a seed
 * ("seed 002 (BNI VA), ...") is a sample of that page (equal to it, or a completion of one of its fragments).
 */
export function auditCitedExamples(bundle: SpecBundle, corpora: readonly PageCorpus[]): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const op of bundle.operations) {
    const media = atPointer(
      bundle.document,
      `${op.pointer}/requestBody/content/application~1json/x-doku-fragments`,
    );
    const fragments = Object.entries(
      (media ?? {}) as Record<string, { summary?: string; value?: unknown }>,
    ).map(([name, f]) => ({ name, summary: f.summary ?? "", value: f.value, fragment: true }));
    const examples = [...op.request.examples, ...op.responses.flatMap((r) => r.examples)].map((e) => ({
      name: e.name,
      summary: e.summary ?? "",
      value: e.value,
      fragment: false,
    }));
    for (const ex of [...examples, ...fragments]) {
      const cited = /^seed (00[0-4])\b/i.exec(ex.summary)?.[1];
      const page = corpora.find((c) => c.page.id === cited);
      if (page === undefined) continue;
      const found = page.samples.some((s) =>
        ex.fragment || !s.sample.fragment
          ? deepEqual(s.sample.value, ex.value)
          : containedIn(s.sample.value, ex.value),
      );
      if (!found)
        emitter(page.page.id, out, "cited-example")(
          0,
          op.id,
          `example:${ex.name}`,
          "example-not-in-seed",
          `"${ex.summary}" matches no sample of seed ${cited}`,
        );
    }
  }
  return out;
}
