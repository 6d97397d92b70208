/**
 * Step 4 of certifyCallback: the certification summary (replays written), run-finished told to the
 * listeners (the reporters write their files), then a listener's error rethrown (engine event policy).
 */
import { VERSION } from "../../engine/version.js";
import { buildSummary, type CertificationSummary, callbackRerunLine } from "../summary.js";
import type { Incomplete } from "./execute.js";
import type { CertificationPlan } from "./plan.js";
import type { Certification } from "./resolve.js";

/** The command that replays this certification. */
function rerunOf(c: Certification): string {
  return callbackRerunLine({
    url: c.o.url.href,
    flow: c.o.flow.name,
    seed: c.seed,
    tokenUrl: c.o.tokenUrl?.href,
    callbackAuth: c.snap ? c.o.callbackAuth : undefined,
    cases: c.o.cases,
    extra: c.options.rerunFlags,
  });
}

/** Summarizes and tells the listeners; resolves with the summary. */
export async function finishCertification(
  c: Certification,
  planned: CertificationPlan,
  incomplete: Incomplete | undefined,
): Promise<CertificationSummary> {
  const { o, session } = c;
  const summary = await buildSummary({
    session,
    base: {
      tool: "doku-conformance",
      version: c.options.version ?? VERSION,
      seed: c.seed,
      target: o.url.href,
      startedAt: c.startedAt,
      flow: o.flow.name,
      ...(c.snap ? { callbackAuth: o.callbackAuth } : {}),
      tokenSource: planned.tokenSource,
      dokuPublicKeyPem: c.keys.publicKeyPem,
      notes: c.notes,
    },
    startedMs: c.startedMs,
    rerun: rerunOf(c),
    outputDir: o.outputDir,
    cwd: o.cwd,
    ...(incomplete ? { incomplete } : {}),
  });
  await session.emit({ type: "run-finished", summary, outputDir: o.outputDir });
  session.rethrow();
  return summary;
}
