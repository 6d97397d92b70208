/**
 * Setup for operations that act on an existing resource: update / delete / check status of a SNAP VA need a
 * VA, update and check status of a DOKU VA payment code need a payment code, a DANA refund needs a payment.
 * Each case of such an operation gets its own prerequisite (a valid creating case, sent first, which must be
 * accepted); the case is then bound to what was created. Binding never touches the field a negative case
 * breaks. Which operation needs which prerequisite is spec data (`x-doku-setup`, specs/README.md), carried in
 * `Operation.setup`. Kit design (DOKU documents no test fixtures): docs/runner.md "Setup".
 */
import type { Case, Exchange } from "../model/case.js";
import type { Operation, SetupRule } from "../model/operation.js";
import { parsePointer, valueAt } from "../model/pointer.js";
import { headerValue } from "../signatures/headers.js";
import { replaceAt } from "./replace-at.js";

/** The case bound to the prerequisite's exchange. */
export function bindCase(operation: Operation, rule: SetupRule, kase: Case, created: Exchange): Case {
  const broken = kase.expect.kind === "reject" ? kase.expect.pointer : undefined;
  let body = kase.body;
  const pathParams = { ...kase.pathParams };
  let headers = kase.headers;
  let bodyChanged = false;
  for (const { from, to } of rule.bind) {
    const value = source(created, from);
    if (value === undefined) continue;
    if (to.startsWith("header:")) {
      if (broken !== `/headers/${to.slice(7)}`) headers = { ...headers, [to.slice(7)]: String(value) };
      continue;
    }
    if (to.startsWith("path:")) {
      const name = to.slice(5);
      // Generators may spell a path parameter's pointer "/path/<name>" or "/<name>".
      if (broken !== `/path/${name}` && !(broken === `/${name}` && kase.body === undefined))
        pathParams[name] = String(value);
      continue;
    }
    if (broken !== undefined && (broken === to || broken.startsWith(`${to}/`) || to.startsWith(`${broken}/`)))
      continue;
    const next = replaceAt(body, parsePointer(to), value, true);
    bodyChanged = next !== body || bodyChanged;
    body = next;
  }
  const bound: Case = { ...kase, headers, pathParams, path: fillPath(operation.path, pathParams) };
  if (bodyChanged) {
    bound.body = body;
    delete bound.rawBody;
  }
  return bound;
}

function source(created: Exchange, from: string): unknown {
  const [where, rest] = [from.slice(0, from.indexOf(":")), from.slice(from.indexOf(":") + 1)];
  if (where === "header") return headerValue(created.request.headers, rest);
  if (where === "request") return valueAt(created.case.body, rest);
  return valueAt(created.response?.json, rest);
}

/** Fills `{name}` placeholders of a path template. */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : encodeURIComponent(params[name]),
  );
}
