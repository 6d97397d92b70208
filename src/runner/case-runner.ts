/**
 * Runs one planned case: its prerequisite (setup.ts) and bound case, the signature mutator or the reused-id
 * pair, the send, and the checks. A prerequisite the target refuses is a `setup` violation of the case:
 * the case was not sent, and it is counted as failed, never as passed.
 */

import { runChecks } from "../engine/check-runner.js";
import type { CaseOutcome } from "../engine/results.js";
import type { Case, Exchange } from "../model/case.js";
import type { Operation } from "../model/operation.js";
import type { Violation } from "../model/violation.js";
import { headerValue, withHeaders } from "../signatures/headers.js";
import { signRequest } from "../signatures/request-signer.js";
import { SCHEMES } from "../signatures/schemes.js";
import type { SignedRequest } from "../signatures/types.js";
import type { PlannedCase } from "./planned.js";
import { restoreBrokenHeader, signInputFor, toSent } from "./request.js";
import { type Runtime, sendRequest } from "./runtime.js";
import { bindCase } from "./setup.js";

class SetupFailed extends Error {
  constructor(
    readonly exchange: Exchange,
    readonly violation: Violation,
  ) {
    super(violation.message);
  }
}

const accepted = (ex: Exchange) =>
  ex.response !== undefined && ex.response.status >= 200 && ex.response.status < 300;

/** Signs and sends `kase` for `operation`, optionally through a mutator or with fixed request ids. */
export async function sendCase(
  rt: Runtime,
  operation: Operation,
  kase: Case,
  alter?: { mutator?: PlannedCase["mutator"]; ids?: Record<string, string> },
): Promise<Exchange> {
  const token = SCHEMES[operation.auth].bearer === "required" ? await rt.tokens?.get() : undefined;
  const input = signInputFor(operation, kase, rt.target.credentials, rt.ids, token);
  if (alter?.ids) input.headers = withHeaders(input.headers ?? {}, alter.ids);
  const signed: SignedRequest = restoreBrokenHeader(
    operation,
    kase,
    alter?.mutator ? alter.mutator.apply(input, signRequest) : signRequest(input),
  );
  return sendRequest(rt, kase, toSent(signed, rt.target.baseUrl));
}

/** Sends the prerequisite and binds `kase` to what it created; SetupFailed when the target refuses it. */
async function prepared(
  rt: Runtime,
  operation: Operation,
  kase: Case,
  prerequisite: Case | undefined,
  sharedKey?: string,
): Promise<{ kase: Case; created?: Exchange }> {
  const rule = operation.setup;
  if (!rule || !prerequisite) return { kase };
  const creator = rt.options.bundle.operations.find((op) => op.id === rule.creates);
  if (!creator) return { kase };
  let pending = sharedKey === undefined ? undefined : rt.shared.get(sharedKey);
  if (!pending) {
    pending = sendCase(rt, creator, prerequisite);
    if (sharedKey !== undefined) rt.shared.set(sharedKey, pending);
  }
  const created = await pending;
  if (!accepted(created)) throw new SetupFailed(created, setupViolation(operation, creator, created, kase));
  return { kase: bindCase(operation, rule, kase, created), created };
}

/** Runs one planned case to its outcome. */
export async function runPlanned(
  rt: Runtime,
  planned: PlannedCase,
  kaseOverride?: Case,
): Promise<CaseOutcome> {
  const { operation, phase, index } = planned;
  const outcome = (exchange: Exchange, violations: Violation[], applied: string[]): CaseOutcome => ({
    operationId: operation.id,
    phase,
    index,
    exchange,
    violations,
    applied,
  });
  try {
    let ids: Record<string, string> | undefined;
    let { kase, created } = await prepared(
      rt,
      operation,
      kaseOverride ?? planned.case,
      planned.first ? undefined : planned.prerequisite,
      kaseOverride === undefined ? planned.sharedPrerequisite : undefined,
    );
    if (planned.first) {
      const first = await prepared(rt, operation, planned.first.case, planned.first.prerequisite);
      const firstExchange = await sendCase(rt, operation, first.kase);
      if (!accepted(firstExchange))
        throw new SetupFailed(firstExchange, setupViolation(operation, operation, firstExchange, kase));
      created = first.created;
      const rule = operation.setup;
      if (rule && created) kase = bindCase(operation, rule, kase, created);
      if (SCHEMES[operation.auth].requestId?.replay?.sameBody)
        kase = {
          ...kase,
          body: first.kase.body,
          ...(first.kase.rawBody !== undefined ? { rawBody: first.kase.rawBody } : {}),
        };
      ids = reusedIds(firstExchange);
    }
    const exchange = await sendCase(rt, operation, kase, {
      ...(planned.mutator ? { mutator: planned.mutator } : {}),
      ...(ids ? { ids } : {}),
    });
    const checked = runChecks(rt.checks, rt.contextFor(operation), exchange);
    return outcome(exchange, checked.violations, checked.applied);
  } catch (error) {
    if (error instanceof SetupFailed) return outcome(error.exchange, [error.violation], ["setup"]);
    throw error;
  }
}

function reusedIds(first: Exchange): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ["X-EXTERNAL-ID", "Request-Id"]) {
    const value = headerValue(first.request.headers, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function setupViolation(operation: Operation, creator: Operation, created: Exchange, kase: Case): Violation {
  const json = (created.response?.json ?? {}) as Record<string, unknown>;
  const said = [json.responseCode, json.responseMessage].filter((v) => v !== undefined).join(" ");
  const got = created.response
    ? `${created.response.status}${said ? ` ${said}` : ""}`
    : (created.error ?? "no response");
  return {
    operationId: operation.id,
    direction: "response",
    check: "setup",
    pointer: "",
    rule: "setup",
    expected: `2xx from ${creator.id}`,
    actual: created.response?.status ?? created.error ?? null,
    message: `prerequisite ${creator.id} for ${kase.label} answered ${got}; the ${operation.id} case was not sent`,
    source: creator.source,
    severity: "error",
  };
}
