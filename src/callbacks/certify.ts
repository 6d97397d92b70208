/**
 * certifyCallback: plays DOKU against a merchant endpoint and returns the certification summary (data;
 * the CLI prints and the reporters write). Sequence: token phase (SNAP with --token-url), the probe (an
 * unreachable or hanging endpoint ends the run here: exit 3), valid callbacks, byte variants, forged
 * callbacks, the redelivery pair; with --ledger-url the merchant's ledger is asked after each forged
 * callback and after the pair.
 */
import { deriveSeed, randomSeed } from "../engine/seed.js";
import { createHttpTransport } from "../engine/transport.js";
import { mutatorsFor } from "../signatures/mutators.js";
import { requireOperation } from "../validation/operation-lookup.js";
import { defaultBodySource } from "./bodies.js";
import type { CallbackCheckContext } from "./checks/context.js";
import { duplicateConsistent } from "./checks/duplicate-consistent.js";
import { buildCorpus } from "./corpus.js";
import { dokuRoleKeys } from "./doku-keys.js";
import { authOf, type DokuIdentity, signCase } from "./doku-signer.js";
import { TOKEN_OPERATION_ID } from "./flows.js";
import { LEDGER_CHECK, type LedgerProbe, ledgerViolations } from "./ledger.js";
import { type CertifyOptions, resolveCertifyOptions } from "./options.js";
import { planCases } from "./plan.js";
import { CertificationSession } from "./session.js";
import { buildSummary, type CertificationSummary, callbackRerunLine } from "./summary.js";
import { initialBearer } from "./token.js";
import { runTokenPhase, unreachableVerdict } from "./token-phase.js";

export async function certifyCallback(options: CertifyOptions): Promise<CertificationSummary> {
  const o = resolveCertifyOptions(options);
  const { flow, bundle } = o;
  const startedMs = performance.now();
  const startedAt = new Date().toISOString();
  const seed = options.seed ?? randomSeed();
  const operation = requireOperation(bundle, flow.operationId);
  const tokenOperation = o.tokenUrl ? requireOperation(bundle, TOKEN_OPERATION_ID) : undefined;
  const keys = dokuRoleKeys(options.dokuPrivateKey);
  const snap = flow.family === "snap";
  const notes: string[] = [];

  const request = { cases: o.cases, seed: deriveSeed(seed, flow.name) };
  const source = options.bodySource ?? defaultBodySource;
  const { baseline, valid, fresh } = buildCorpus(bundle, operation, source, request, options.body, notes);

  const transport = options.transport ?? createHttpTransport({ maxSockets: 1 });
  const operationIds = [...(tokenOperation ? [tokenOperation.id] : []), operation.id];
  const session = new CertificationSession(
    operationIds,
    transport,
    o.requestTimeoutMs,
    options.listeners ?? [],
    options.signal,
  );
  const auth = authOf({ flow, callbackAuth: o.callbackAuth });
  const ctxBase = {
    validators: bundle.validators,
    policy: { responseTimeBudgetMs: o.latencyBudgetMs },
    credentials: { clientId: options.clientId, secretKey: options.secretKey },
    strict: options.strict === true,
    flow,
    latencyBudgetMs: o.latencyBudgetMs,
    target: o.url.pathname + o.url.search,
  };
  const ctx: CallbackCheckContext = { ...ctxBase, operation, auth };
  const rerun = callbackRerunLine({
    url: o.url.href,
    flow: flow.name,
    seed,
    tokenUrl: o.tokenUrl?.href,
    callbackAuth: snap ? o.callbackAuth : undefined,
    cases: o.cases,
    extra: options.rerunFlags,
  });
  const bearer = initialBearer(o, options.accessToken, notes);
  const tokenSource = bearer.source;
  let accessToken = bearer.token;
  const plan = planCases({
    flow,
    operation,
    clientId: options.clientId,
    auth,
    tokenSource,
    baseline,
    valid,
    fresh,
  });
  notes.push(...plan.notes);
  const tokenCases = tokenOperation ? 1 + mutatorsFor("snap-asymmetric-token").length : 0;
  const total = tokenCases + 1 + plan.cases.length + plan.pairs.length * 2;
  const finish = async (incomplete?: { reason: string; exitCode: 1 | 3 }) => {
    const summary = await buildSummary({
      session,
      base: {
        tool: "doku-conformance",
        version: options.version ?? "0.0.0",
        seed,
        target: o.url.href,
        startedAt,
        flow: flow.name,
        ...(snap ? { callbackAuth: o.callbackAuth } : {}),
        tokenSource,
        dokuPublicKeyPem: keys.publicKeyPem,
        notes,
      },
      startedMs,
      rerun,
      outputDir: o.outputDir,
      cwd: o.cwd,
      ...(incomplete ? { incomplete } : {}),
    });
    await session.emit({ type: "run-finished", summary, outputDir: o.outputDir });
    return summary;
  };

  try {
    await session.emit({
      type: "run-started",
      seed,
      target: o.url.href,
      operations: operationIds,
      phases: [...new Set(plan.cases.map((c) => c.phase))],
      cases: o.cases,
      total,
      startedAt,
      outputDir: o.outputDir,
    });
    if (tokenOperation && o.tokenUrl) {
      await session.emit({ type: "operation-started", operationId: tokenOperation.id });
      const tokenCtx = { ...ctxBase, operation: tokenOperation, auth: "snap-asymmetric-token" as const };
      const result = await runTokenPhase(session, tokenCtx, o.tokenUrl, options.clientId, keys.privateKey);
      if (!result.ok) return await finish({ reason: result.reason, exitCode: result.unreachable ? 3 : 1 });
      accessToken = result.token;
    }
    const identity: DokuIdentity = {
      flow,
      callbackAuth: o.callbackAuth,
      clientId: options.clientId,
      secretKey: options.secretKey,
      dokuPrivateKey: keys.privateKey,
      target: ctx.target,
      ...(accessToken === undefined ? {} : { accessToken }),
      ...(options.signatureAccessToken === undefined
        ? {}
        : { signatureAccessToken: options.signatureAccessToken }),
    };
    await session.emit({ type: "operation-started", operationId: operation.id });

    const probe = await session.send(o.url.href, plan.probe, signCase(identity, plan.probe));
    if (probe.error !== undefined) {
      return await finish({
        reason: `the merchant endpoint ${o.url.href} ${unreachableVerdict(probe.error)}`,
        exitCode: 3,
      });
    }
    await session.check(ctx, probe);
    ctx.baseline = probe;

    const ledger: LedgerProbe | undefined =
      options.ledgerUrl === undefined
        ? undefined
        : { transport, ledgerUrl: options.ledgerUrl, timeoutMs: o.requestTimeoutMs };
    for (const c of plan.cases) {
      if (options.signal?.aborted) return await finish({ reason: "interrupted", exitCode: 3 });
      const exchange = await session.send(o.url.href, c, signCase(identity, c));
      if (exchange.fatal) {
        const reason = `the merchant endpoint ${o.url.href} became unreachable: ${exchange.error}`;
        return await finish({ reason, exitCode: 3 });
      }
      const forged = c.kind === "forged" && ledger !== undefined && exchange.response !== undefined;
      const extra = forged ? await ledgerViolations(ctx, ledger, exchange, 0) : [];
      await session.check(ctx, exchange, extra, forged ? [LEDGER_CHECK] : []);
    }
    for (const [firstCase, secondCase] of plan.pairs) {
      const first = await session.run(ctx, o.url.href, firstCase, signCase(identity, firstCase));
      const second = await session.send(o.url.href, secondCase, signCase(identity, secondCase));
      const extra = duplicateConsistent(ctx, first.exchange, second);
      const extraChecks = ["duplicate-consistent"];
      if (ledger !== undefined && second.response) {
        extra.push(...(await ledgerViolations(ctx, ledger, second, 1)));
        extraChecks.push(LEDGER_CHECK);
      }
      await session.check(ctx, second, extra, extraChecks);
    }
    if (options.ledgerUrl === undefined && flow.kind === "notification") {
      notes.push(
        "not observable from outside without --ledger-url: a merchant that applies a redelivered notification twice but answers identically, or processes a forged one before refusing it",
      );
    }
    return await finish();
  } finally {
    if (options.transport === undefined) await transport.close();
  }
}
