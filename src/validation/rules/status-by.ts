/** `status-by` (responses): the HTTP status must be `statuses[value of field]` (a status or a list of them). */
import { SpecError } from "../../model/errors.js";
import { dottedPath, valueAt } from "../../model/pointer.js";
import { quoted } from "../describe.js";
import type { RuleKind } from "./kind.js";
import { keyOf, mapParam, pointerParam } from "./params.js";

export const statusBy: RuleKind = (site) => {
  const field = pointerParam(site, "field");
  const statuses = mapParam(site, "statuses");
  const table = new Map<string, number[]>();
  for (const [key, status] of Object.entries(statuses)) {
    const list = (Array.isArray(status) ? status : [status]).map(Number);
    if (list.length === 0 || !list.every((s) => Number.isInteger(s) && s >= 100 && s <= 599)) {
      throw new SpecError(
        `x-doku-rules "${site.rule.id}": statuses.${key} must be an HTTP status`,
        site.where,
      );
    }
    table.set(key, list);
  }
  return ({ body, status }) => {
    const key = keyOf(valueAt(body, field));
    const allowed = key === undefined ? undefined : table.get(key);
    if (status === undefined || allowed === undefined || allowed.includes(status)) return [];
    const expected = allowed.length === 1 ? allowed[0] : allowed;
    return [
      {
        pointer: field,
        expected,
        actual: status,
        message: `${dottedPath(field)} is ${quoted(key)}, which DOKU documents with HTTP ${allowed.join(" or ")}; the status was ${status}`,
      },
    ];
  };
};
