/**
 * Step 3 of certifyCallback: plays DOKU. The token phase (SNAP with --token-url), the probe (an unreachable
 * or hanging endpoint ends the run here: exit 3), valid callbacks, byte variants, forged callbacks, the
 * redelivery pairs; with --ledger-url the merchant's ledger is asked after each forged callback and after
 * each pair. Resolves with why the run stopped early, if it did.
 */

import { type CallbackCheckContext, isAuthRefusal, isGenuine } from "../../checks/callback/context.js";
import type { CallbackExchange } from "../../model/callback-case.js";
import { TOKEN_SCHEME } from "../../signatures/schemes.js";
import { type DokuIdentity, signCase } from "../doku-signer.js";
import { LEDGER_CHECK, type LedgerProbe, ledgerViolations } from "../ledger.js";
import { runTokenPhase, unreachableVerdict } from "../token-phase.js";
import type { CertificationPlan } from "./plan.js";
import type { Certification } from "./resolve.js";

/** Why a certification stopped early, and its exit code. */
export interface Incomplete {
  reason: string;
  exitCode: 1 | 3;
}

/** A signal stopped the run: an aborted request is not an unreachable endpoint. */
const INTERRUPTED: Incomplete = { reason: "interrupted", exitCode: 3 };

/** The token phase (when asked for), then the flow's callbacks. */
export async function executeCertification(
  c: Certification,
  planned: CertificationPlan,
): Promise<Incomplete | undefined> {
  let accessToken = planned.accessToken;
  if (c.tokenOperation && c.o.tokenUrl) {
    await c.session.emit({ type: "operation-started", operationId: c.tokenOperation.id });
    const tokenCtx = { ...c.ctx, operation: c.tokenOperation, auth: TOKEN_SCHEME };
    const { clientId } = c.options;
    const result = await runTokenPhase(c.session, tokenCtx, c.o.tokenUrl, clientId, c.keys.privateKey);
    if (c.options.signal?.aborted) return INTERRUPTED;
    if (!result.ok) return { reason: result.reason, exitCode: result.unreachable ? 3 : 1 };
    accessToken = result.token;
  }
  await c.session.emit({ type: "operation-started", operationId: c.operation.id });
  return playCallbacks(c, planned, identityOf(c, accessToken));
}

/** Who the kit is when it signs as DOKU. */
function identityOf(c: Certification, accessToken: string | undefined): DokuIdentity {
  const { options } = c;
  return {
    flow: c.o.flow,
    callbackAuth: c.o.callbackAuth,
    clientId: options.clientId,
    secretKey: options.secretKey,
    dokuPrivateKey: c.keys.privateKey,
    target: c.ctx.target,
    ...(accessToken === undefined ? {} : { accessToken }),
    ...(options.signatureAccessToken === undefined
      ? {}
      : { signatureAccessToken: options.signatureAccessToken }),
  };
}

/** A genuine callback the merchant did not refuse as unauthorized. */
function takenAsGenuine(ctx: CallbackCheckContext, exchange: CallbackExchange): boolean {
  const status = exchange.response?.status;
  return isGenuine(exchange) && status !== undefined && !isAuthRefusal(ctx, status);
}

/** The probe, the cases and the pairs. */
async function playCallbacks(
  c: Certification,
  { plan }: CertificationPlan,
  identity: DokuIdentity,
): Promise<Incomplete | undefined> {
  const { session, ctx, options } = c;
  const url = c.o.url.href;
  const probe = await session.send(url, plan.probe, signCase(identity, plan.probe));
  if (options.signal?.aborted) return INTERRUPTED;
  if (probe.error !== undefined)
    return { reason: `the merchant endpoint ${url} ${unreachableVerdict(probe.error)}`, exitCode: 3 };
  await session.check(ctx, probe);
  ctx.baseline = probe;
  ctx.genuineAccepted = takenAsGenuine(ctx, probe);

  const ledger: LedgerProbe | undefined =
    options.ledgerUrl === undefined
      ? undefined
      : { transport: c.transport, ledgerUrl: options.ledgerUrl, timeoutMs: c.o.requestTimeoutMs };
  for (const kase of plan.cases) {
    if (options.signal?.aborted) return INTERRUPTED;
    const exchange = await session.send(url, kase, signCase(identity, kase));
    if (options.signal?.aborted) return INTERRUPTED;
    if (exchange.fatal)
      return { reason: `the merchant endpoint ${url} became unreachable: ${exchange.error}`, exitCode: 3 };
    const forged = kase.kind === "forged" && ledger !== undefined && exchange.response !== undefined;
    const extra = forged ? await ledgerViolations(ctx, ledger, exchange, 0) : [];
    await session.check(ctx, exchange, extra, forged ? [LEDGER_CHECK] : []);
    if (kase.kind !== "byte-variant" && takenAsGenuine(ctx, exchange)) ctx.genuineAccepted = true;
  }
  for (const [firstCase, secondCase] of plan.pairs) {
    const first = await session.run(ctx, url, firstCase, signCase(identity, firstCase));
    const second = await session.send(url, secondCase, signCase(identity, secondCase));
    second.previous = first.exchange;
    const asked = ledger !== undefined && second.response !== undefined;
    const extra = asked ? await ledgerViolations(ctx, ledger, second, 1) : [];
    await session.check(ctx, second, extra, asked ? [LEDGER_CHECK] : []);
  }
  if (options.ledgerUrl === undefined && c.o.flow.kind === "notification") {
    c.notes.push(
      "not observable from outside without --ledger-url: a merchant that applies a redelivered notification twice but answers identically, or processes a forged one before refusing it",
    );
  }
  return undefined;
}
