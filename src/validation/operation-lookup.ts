/** Finding an operation by id; an unknown id is a UsageError that lists the closest ids. */
import { UsageError } from "../model/errors.js";
import type { Operation, SpecBundle } from "../model/operation.js";

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** Up to `limit` candidates close to `name`: case-insensitive substring matches first, then edit distance. */
export function closeMatches(name: string, candidates: readonly string[], limit = 3): string[] {
  const lower = name.toLowerCase();
  const scored = candidates.map((c) => {
    const l = c.toLowerCase();
    const contains = lower.length >= 3 && (l.includes(lower) || lower.includes(l));
    return { c, score: contains ? 0 : distance(lower, l) };
  });
  const threshold = Math.max(3, Math.floor(name.length / 3));
  return scored
    .filter((s) => s.score <= threshold)
    .sort((a, b) => a.score - b.score || a.c.localeCompare(b.c))
    .slice(0, limit)
    .map((s) => s.c);
}

/** The operation with this id; UsageError naming close matches (or all ids) when there is none. */
export function requireOperation(bundle: Pick<SpecBundle, "operations">, id: string): Operation {
  const found = bundle.operations.find((op) => op.id === id);
  if (found !== undefined) return found;
  const ids = bundle.operations.map((op) => op.id);
  const close = closeMatches(id, ids);
  const hint = close.length > 0 ? `did you mean ${close.join(", ")}?` : `known operations: ${ids.join(", ")}`;
  throw new UsageError(`unknown operation "${id}"; ${hint}`);
}
