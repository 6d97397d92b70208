/**
 * Step 3 of runSuite: the run's moving parts (Runtime): the limiter over the transport, request ids,
 * the check entries and their context, the session token, the stop signal.
 */
import { setMaxListeners } from "node:events";
import { checkEntries } from "../../checks/registry.js";
import { createLimiter } from "../../engine/limiter.js";
import { createIdSource } from "../request.js";
import type { Runtime } from "../runtime.js";
import type { ResolvedRun } from "./resolve.js";
import { sessionTokens } from "./session-token.js";

/** The Runtime of a resolved run started at `startedAt`. */
export function startRuntime(run: ResolvedRun, startedAt: Date): Runtime {
  const { o, target } = run;
  const rt: Runtime = {
    options: o,
    target,
    transport: run.transport,
    limiter: createLimiter({ concurrency: o.concurrency, ratePerSecond: o.rateLimit }),
    ids: createIdSource(startedAt.getTime()),
    checks: checkEntries(run.checkNames),
    contextFor: (operation) => ({
      operation,
      validators: o.bundle.validators,
      policy: o.policy,
      credentials: { clientId: target.credentials.clientId, secretKey: target.credentials.secretKey },
      strict: o.strict,
    }),
    requests: 0,
    answered: 0,
    shared: new Map(),
    stop: new AbortController(),
  };
  // Every in-flight request listens on the stop signal.
  setMaxListeners(0, rt.stop.signal);
  const tokens = sessionTokens(rt, run.operations);
  if (tokens) rt.tokens = tokens;
  return rt;
}
