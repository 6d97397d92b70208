/**
 * The SNAP session token of a run: fetched with Get Token B2B through the run's own transport and limiter
 * when a selected operation is SNAP symmetric. The token is infrastructure: a reset or timeout is retried
 * (twice) before giving up with a TargetError.
 */
import { TargetError } from "../../model/errors.js";
import type { Operation } from "../../model/operation.js";
import { signRequest } from "../../signatures/request-signer.js";
import { SCHEMES } from "../../signatures/schemes.js";
import { signInputFor, toSent } from "../request.js";
import { type Runtime, sendRequest } from "../runtime.js";
import { createTokenSession, type TokenSession } from "../session.js";

/** The token session, or undefined when no selected operation needs one (or the spec has no token operation). */
export function sessionTokens(rt: Runtime, operations: readonly Operation[]): TokenSession | undefined {
  const { target } = rt;
  const tokenOp = rt.options.bundle.operations.find((op) => op.kind === "path" && op.role === "token");
  // A selected operation signs with the B2B token, or its setup prerequisite does (x-doku-setup).
  const creatorAuth = (op: Operation) =>
    rt.options.bundle.operations.find((c) => c.id === op.setup?.creates)?.auth;
  const needsToken = (auth: Operation["auth"] | undefined) =>
    auth !== undefined && SCHEMES[auth].bearer === "required";
  if (!tokenOp || !operations.some((op) => needsToken(op.auth) || needsToken(creatorAuth(op))))
    return undefined;
  return createTokenSession(async () => {
    const kase = {
      operationId: tokenOp.id,
      phase: "examples" as const,
      method: tokenOp.method,
      path: tokenOp.path,
      pathParams: {},
      headers: {},
      body: { grantType: "client_credentials" },
      expect: { kind: "accept" as const },
      label: "session token",
    };
    const send = () =>
      sendRequest(
        rt,
        kase,
        toSent(signRequest(signInputFor(tokenOp, kase, target.credentials, rt.ids)), target.baseUrl),
      );
    let exchange = await send();
    for (let retry = 0; retry < 2 && !exchange.response; retry++) exchange = await send();
    if (!exchange.response)
      throw new TargetError(`target ${target.name} gave no answer to Get Token B2B: ${exchange.error}`);
    return exchange.response;
  }, target.name);
}
