/**
 * certifyCallback: plays DOKU against a merchant endpoint and returns the certification summary (data;
 * the CLI prints and the reporters write). resolve -> plan -> execute -> finish, each step a module of
 * callbacks/steps/ over the engine (transport, recorder, check runner, events); there is nothing to shrink
 * (every callback case is already minimal: one mutator, one variant, one redelivery).
 */
import type { CertifyOptions } from "./options.js";
import { executeCertification } from "./steps/execute.js";
import { finishCertification } from "./steps/finish.js";
import { planCertification } from "./steps/plan.js";
import { resolveCertification } from "./steps/resolve.js";
import type { CertificationSummary } from "./summary.js";

/** Certifies a merchant's callback endpoint; resolves with the summary (exitCode 0 / 1 / 3). */
export async function certifyCallback(options: CertifyOptions): Promise<CertificationSummary> {
  const c = resolveCertification(options);
  try {
    const planned = planCertification(c);
    const { o, session } = c;
    await session.emit({
      type: "run-started",
      seed: c.seed,
      target: o.url.href,
      operations: [...(c.tokenOperation ? [c.tokenOperation.id] : []), c.operation.id],
      phases: [...new Set(planned.plan.cases.map((kase) => kase.phase))],
      cases: o.cases,
      total: planned.total,
      startedAt: c.startedAt,
      outputDir: o.outputDir,
    });
    const incomplete = await executeCertification(c, planned);
    return await finishCertification(c, planned, incomplete);
  } finally {
    if (options.transport === undefined) await c.transport.close();
  }
}
