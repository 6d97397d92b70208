/**
 * One doc field row against the spec schema it documents, structurally: the field exists at its dotted
 * path, its type, required (and its parents' required), lengths, value list, default and shown values.
 * Each difference is a Finding named by aspect; the test decides which are documented exceptions.
 */
import type { JsonSchema } from "../model/schema.js";
import type { FieldRow } from "./rows.js";
import { chainAt, conflicts, requires, types } from "./schema.js";

/** One difference between a doc row and its schema, named by aspect. */
export interface Finding {
  /** "missing", "type", "required", "not-required", "parent-required", "required-unstated",
   * "conditional-undescribed", "marker-conflict", "maxLength", "minLength", "enum", "default", "example", "format", and "example-tolerated" /
   * "format-tolerated" (the value fails the field but fits the `alternative` of its x-doku-conflict: what the
   * conflict is for). */
  aspect: string;
  message: string;
}

const DOC_TYPES: Record<string, string[]> = {
  string: ["string"],
  number: ["integer", "number"],
  integer: ["integer"],
  boolean: ["boolean"],
  object: ["object"],
  array: ["array"],
};

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v) => b.includes(v)) && b.every((v) => a.includes(v));

/** Why a value the doc shows does not fit the field's schema ([] when it fits). */
export function valueProblems(node: JsonSchema, value: string): string[] {
  const out: string[] = [];
  const t = types(node);
  if (t.includes("string")) {
    const length = [...value].length;
    if (typeof node.minLength === "number" && length < node.minLength)
      out.push(`shorter than ${node.minLength}`);
    if (typeof node.maxLength === "number" && length > node.maxLength)
      out.push(`longer than ${node.maxLength}`);
    if (typeof node.pattern === "string" && !new RegExp(node.pattern, "u").test(value))
      out.push(`does not match ${node.pattern}`);
    if (node.format === "ipv4" && !/^([0-9]{1,3}\.){3}[0-9]{1,3}$/.test(value)) out.push("not IPv4");
  } else if (t.length === 0 && Array.isArray(node.anyOf)) {
    if (!node.anyOf.some((branch) => valueProblems(branch as JsonSchema, value).length === 0))
      out.push("fits no anyOf branch");
  } else if (t.includes("integer") || t.includes("number")) {
    const n = Number(value);
    if (!Number.isFinite(n)) out.push("not a number");
    if (typeof node.maximum === "number" && n > node.maximum) out.push(`above ${node.maximum}`);
  }
  if (Array.isArray(node.enum) && !node.enum.map(String).includes(value))
    out.push(`not in ${node.enum.join("/")}`);
  return out;
}

function lengthFindings(row: FieldRow, node: JsonSchema): Finding[] {
  const out: Finding[] = [];
  const t = types(node);
  const { maxLength: max, minLength: min } = row.facts;
  if (max !== undefined) {
    if (t.includes("string")) {
      if (node.maxLength !== max)
        out.push({ aspect: "maxLength", message: `doc ${max}, spec ${node.maxLength}` });
    } else if (t.includes("integer") || t.includes("number")) {
      const expected = 10 ** max - 1;
      if (node.maximum !== expected)
        out.push({
          aspect: "maxLength",
          message: `doc ${max} digits (maximum ${expected}), spec ${node.maximum}`,
        });
    } else out.push({ aspect: "maxLength", message: `doc max ${max} on a ${t.join("|")} field` });
  }
  if (min !== undefined && node.minLength !== min)
    out.push({ aspect: "minLength", message: `doc ${min}, spec ${node.minLength}` });
  return out;
}

/** "accepted by the alternative of <id>" when a conflict's alternative accepts one of `values`. */
function toleratedBy(node: JsonSchema, values: readonly string[]): string | undefined {
  const hit = conflicts(node).find(
    (c) =>
      c.alternative !== undefined &&
      values.some((v) => valueProblems(c.alternative as JsonSchema, v).length === 0),
  );
  return hit === undefined ? undefined : `accepted by the alternative of ${hit.id}`;
}

function valueFindings(row: FieldRow, node: JsonSchema): Finding[] {
  const out: Finding[] = [];
  const documented = row.facts.enum;
  if (documented !== undefined) {
    const booleans = sameSet(documented, ["true", "false"]) && types(node).includes("boolean");
    const spec = Array.isArray(node.enum)
      ? node.enum.map(String)
      : node.const !== undefined
        ? [String(node.const)]
        : [];
    if (!booleans && !sameSet(documented, spec))
      out.push({
        aspect: "enum",
        message: `doc ${documented.join("/")}, spec ${spec.join("/") || "(none)"}`,
      });
  }
  if (row.facts.default !== undefined && String(node.default) !== row.facts.default)
    out.push({ aspect: "default", message: `doc ${row.facts.default}, spec ${String(node.default)}` });
  const date = row.facts.dateFormat;
  if (date !== undefined && !date.values.some((v) => valueProblems(node, v).length === 0)) {
    const by = toleratedBy(node, date.values);
    const message = `doc ${date.name}; the field accepts none of ${date.values.join(", ")}`;
    out.push(
      by === undefined
        ? { aspect: "format", message }
        : { aspect: "format-tolerated", message: `${message}; ${by}` },
    );
  }
  for (const example of row.examples) {
    const problems = valueProblems(node, example);
    if (problems.length === 0) continue;
    const by = toleratedBy(node, [example]);
    const message = `"${example}" ${problems.join(", ")}`;
    out.push(
      by === undefined
        ? { aspect: "example", message }
        : { aspect: "example-tolerated", message: `${message}; ${by}` },
    );
  }
  return out;
}

function requiredFindings(
  row: FieldRow,
  chain: readonly JsonSchema[],
  path: readonly string[],
  caseless: boolean,
) {
  const out: Finding[] = [];
  const name = path.at(-1) as string;
  const parent = chain.at(-2) as JsonSchema;
  const isRequired = requires(parent, name, caseless);
  if (row.mandatory === "mandatory" && !isRequired)
    out.push({ aspect: "required", message: "Mandatory, not required" });
  if ((row.mandatory === "optional" || row.mandatory === "conditional") && isRequired)
    out.push({ aspect: "not-required", message: `${row.mandatory}, but required` });
  if (row.mandatory === "unstated" && row.type !== "" && isRequired)
    out.push({ aspect: "required-unstated", message: "Mandatory column unstated, but required" });
  if (row.mandatory === "mandatory") {
    path.slice(0, -1).forEach((token, k) => {
      if (!requires(chain[k] as JsonSchema, token, caseless))
        out.push({
          aspect: "parent-required",
          message: `parent ${token} of a Mandatory field is not required`,
        });
    });
  }
  const node = chain.at(-1) as JsonSchema;
  if (row.mandatory === "conditional" && !/conditional/i.test(String(node.description ?? "")))
    out.push({
      aspect: "conditional-undescribed",
      message: 'Conditional, but the description does not say "Conditional"',
    });
  if (row.markerConflict)
    out.push({
      aspect: "marker-conflict",
      message: `marker Optional, text "| Mandatory |" (spec: ${isRequired ? "required" : "optional"})`,
    });
  return out;
}

/** Differences between a doc row and the schema at `root` (headers: names matched case-insensitively). */
export function compareRow(row: FieldRow, root: JsonSchema, caseless: boolean): Finding[] {
  const path = caseless ? [row.name] : row.name.split(".");
  const chain = chainAt(root, path, caseless);
  if (chain === undefined) return [{ aspect: "missing", message: `no ${row.name} in the spec schema` }];
  const node = chain.at(-1) as JsonSchema;
  const out: Finding[] = [];
  const allowed = DOC_TYPES[row.type];
  if (row.type !== "" && (allowed === undefined || !types(node).some((t) => allowed.includes(t))))
    out.push({ aspect: "type", message: `doc ${row.type}, spec ${types(node).join("|") || "(none)"}` });
  out.push(...requiredFindings(row, chain, path, caseless));
  out.push(...lengthFindings(row, node));
  out.push(...valueFindings(row, node));
  return out;
}
