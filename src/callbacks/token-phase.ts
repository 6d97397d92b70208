/**
 * The token phase (SNAP flows with --token-url): one genuine token request, then every forged one
 * (mutators for snap-asymmetric-token: wrong key, stale / future timestamp, missing headers, foreign
 * client id ...), each checked like a callback. Yields the issued token, or why there is none.
 */
import type { KeyObject } from "node:crypto";
import type { CallbackCheckContext } from "../checks/callback/context.js";
import { failureCause } from "../engine/failure-cause.js";
import type { Operation } from "../model/operation.js";
import { mutatorsFor } from "../signatures/mutators.js";
import { TOKEN_SCHEME } from "../signatures/schemes.js";
import type { CertificationSession } from "./session.js";
import { issuedToken, signTokenCase, tokenCase } from "./token.js";

export type TokenPhaseResult =
  | { ok: true; token: string }
  | { ok: false; unreachable: boolean; reason: string };

export async function runTokenPhase(
  session: CertificationSession,
  ctx: CallbackCheckContext & { operation: Operation },
  tokenUrl: URL,
  clientId: string,
  dokuPrivateKey: KeyObject,
): Promise<TokenPhaseResult> {
  const path = tokenUrl.pathname + tokenUrl.search;
  const genuine = tokenCase(ctx.operation.id, path);
  const exchange = await session.send(
    tokenUrl.href,
    genuine,
    signTokenCase(genuine, clientId, dokuPrivateKey),
  );
  if (exchange.error !== undefined) {
    return {
      ok: false,
      unreachable: true,
      reason: `the token URL ${tokenUrl.href} ${unreachableVerdict(exchange.error)}`,
    };
  }
  await session.check(ctx, exchange);
  const token = issuedToken(exchange);
  for (const mutator of mutatorsFor(TOKEN_SCHEME)) {
    const forged = tokenCase(ctx.operation.id, path, mutator.name);
    await session.run(ctx, tokenUrl.href, forged, signTokenCase(forged, clientId, dokuPrivateKey));
  }
  if (token === undefined) {
    const status = exchange.response?.status ?? 0;
    return {
      ok: false,
      unreachable: false,
      reason: `the token handshake gave no accessToken (HTTP ${status}): callbacks were not sent`,
    };
  }
  return { ok: true, token };
}

/** "is unreachable (ECONNREFUSED ...)" or "did not answer within N ms". */
export function unreachableVerdict(error: string): string {
  return /ETIMEDOUT|no response within/.test(error)
    ? `did not answer: ${error.replace(/^ETIMEDOUT: /, "")} (--timeout)`
    : (failureCause(error) ?? `is unreachable: ${error}`);
}
