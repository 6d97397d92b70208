/**
 * Step 1 of certifyCallback: options, seed, the flow's operations, the DOKU-role keys, the transport,
 * the session (engine recorder, check runner and events) and the checks' context. Bad options throw here.
 */

import type { CallbackCheckContext } from "../../checks/callback/context.js";
import { randomSeed } from "../../engine/seed.js";
import { createHttpTransport, type Transport } from "../../engine/transport.js";
import type { Operation } from "../../model/operation.js";
import { usesCallbackModes } from "../../signatures/schemes.js";
import { requireOperation } from "../../validation/operation-lookup.js";
import { type DokuRoleKeys, dokuRoleKeys } from "../doku-keys.js";
import { authOf } from "../doku-signer.js";
import { callbackTokenOperation } from "../flows.js";
import { type CertifyOptions, type ResolvedCertifyOptions, resolveCertifyOptions } from "../options.js";
import { CertificationSession } from "../session.js";

/** Everything later steps read; `notes` collects what the summary tells the user. */
export interface Certification {
  options: CertifyOptions;
  o: ResolvedCertifyOptions;
  seed: number;
  startedMs: number;
  startedAt: string;
  operation: Operation;
  tokenOperation: Operation | undefined;
  keys: DokuRoleKeys;
  snap: boolean;
  notes: string[];
  transport: Transport;
  session: CertificationSession;
  /** The checks' context for the flow's operation (the probe becomes its baseline). */
  ctx: CallbackCheckContext;
}

/** Resolves a certification; the transport is the caller's or a new one (closed by the driver). */
export function resolveCertification(options: CertifyOptions): Certification {
  const o = resolveCertifyOptions(options);
  const { flow, bundle } = o;
  const startedMs = performance.now();
  const startedAt = new Date().toISOString();
  const seed = options.seed ?? randomSeed();
  const operation = requireOperation(bundle, flow.operationId);
  const tokenOperation = o.tokenUrl ? callbackTokenOperation(bundle) : undefined;
  const keys = dokuRoleKeys(options.dokuPrivateKey);
  const transport = options.transport ?? createHttpTransport({ maxSockets: 1 });
  const operationIds = [...(tokenOperation ? [tokenOperation.id] : []), operation.id];
  const session = new CertificationSession(
    operationIds,
    transport,
    o.requestTimeoutMs,
    options.listeners ?? [],
    options.signal,
  );
  const ctx: CallbackCheckContext = {
    operation,
    auth: authOf({ flow, callbackAuth: o.callbackAuth }),
    validators: bundle.validators,
    policy: { responseTimeBudgetMs: o.latencyBudgetMs },
    credentials: { clientId: options.clientId, secretKey: options.secretKey },
    strict: options.strict === true,
    flow,
    latencyBudgetMs: o.latencyBudgetMs,
    target: o.url.pathname + o.url.search,
  };
  const snap = usesCallbackModes(flow.family);
  return {
    options,
    o,
    seed,
    startedMs,
    startedAt,
    operation,
    tokenOperation,
    keys,
    snap,
    notes: [],
    transport,
    session,
    ctx,
  };
}
