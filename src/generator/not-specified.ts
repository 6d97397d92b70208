/**
 * `x-doku-not-specified` (specs/not-specified.yaml): the payment operations DOKU lists that the specs do not
 * specify, each with the reason (its request is not visible in any source). Validated here; a bad row is a
 * SpecError at its pointer, and so is a row whose method + path the specs do specify (the row is stale).
 */
import { SpecError } from "../model/errors.js";
import { escapeToken } from "../model/pointer.js";

/** One operation the kit does not specify, and why. */
export interface NotSpecifiedRow {
  family: string;
  operation: string;
  method?: string;
  path?: string;
  docUrl: string;
  reason: string;
}

type Obj = Record<string, unknown>;

const ROOT = "#/x-doku-not-specified";
const KEYS = new Set(["family", "operation", "method", "path", "docUrl", "reason"]);
const FAMILY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** The rows of the bundled document (none when it has no `x-doku-not-specified`). */
export function notSpecifiedRows(document: Obj): NotSpecifiedRow[] {
  const raw = document["x-doku-not-specified"];
  if (raw === undefined) return [];
  if (!Array.isArray(raw))
    throw new SpecError("x-doku-not-specified must be a list of rows (specs/not-specified.yaml)", ROOT);
  const rows = raw.map((entry: unknown, i) => rowOf(entry, `${ROOT}/${i}`));
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const key = `${row.family}\u0000${row.operation}`;
    if (seen.has(key))
      throw new SpecError(`duplicate not-specified row ${row.family} / ${row.operation}`, `${ROOT}/${i}`);
    seen.add(key);
    const item = row.path === undefined ? undefined : ((document.paths ?? {}) as Obj)[row.path];
    if (row.method && item && typeof item === "object" && row.method.toLowerCase() in item)
      throw new SpecError(
        `not-specified row "${row.operation}" names ${row.method} ${row.path}, which the specs specify (#/paths/${escapeToken(row.path ?? "")}): remove the row`,
        `${ROOT}/${i}/path`,
      );
  });
  return rows;
}

function rowOf(raw: unknown, at: string): NotSpecifiedRow {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new SpecError("a not-specified row must be an object", at);
  const r = raw as Obj;
  for (const key of Object.keys(r))
    if (!KEYS.has(key))
      throw new SpecError(`unknown key "${key}" (expected ${[...KEYS].join(", ")})`, `${at}/${key}`);
  const text = (key: string): string => {
    const value = r[key];
    if (typeof value !== "string" || value.trim() === "")
      throw new SpecError(`${key} must be a non-empty string`, `${at}/${key}`);
    return value.trim();
  };
  const row: NotSpecifiedRow = {
    family: text("family"),
    operation: text("operation"),
    docUrl: text("docUrl"),
    reason: text("reason"),
  };
  if (!FAMILY.test(row.family))
    throw new SpecError(`family "${row.family}" must be kebab-case`, `${at}/family`);
  if (!/^https:\/\/\S+$/.test(row.docUrl))
    throw new SpecError(`docUrl "${row.docUrl}" must be an https:// URL`, `${at}/docUrl`);
  if (r.method !== undefined) {
    const method = text("method");
    if (!METHODS.includes(method))
      throw new SpecError(`method "${method}" must be one of ${METHODS.join(", ")}`, `${at}/method`);
    row.method = method;
  }
  if (r.path !== undefined) {
    const path = text("path");
    if (!path.startsWith("/")) throw new SpecError(`path "${path}" must start with /`, `${at}/path`);
    if (row.method === undefined) throw new SpecError("a row with a path needs its method", `${at}/method`);
    row.path = path;
  }
  return row;
}
