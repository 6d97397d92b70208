/**
 * Get Token B2B (x-doku-auth snap-asymmetric-token): X-CLIENT-KEY must be this mock's client id (else 401
 * 4017300 "Unauthorized. Unknown Client", observed), X-SIGNATURE a SHA256withRSA signature of
 * clientId|X-TIMESTAMP by the merchant key (else 401 4017300; DOKU's wording for this case is undocumented),
 * then the body is validated and a token issued: 200, responseCode 2007300, tokenType Bearer, expiresIn.
 */
import { headerOf, SCHEMES, verifyRequest } from "../../signatures/index.js";
import type { Call, MockContext } from "../context.js";
import { snapErrorReply, snapResponseCode } from "../errors.js";
import { prismAnswer } from "../handlers/handler.js";
import { runHandler } from "../handlers/index.js";
import { asRecord } from "../overlay.js";
import { isFault, jsonReply, type Reply } from "../reply.js";
import { checkRequest } from "../request-check.js";
import { authFault } from "./auth-faults.js";

const NO_KEY =
  "the mock has no merchant RSA public key (started without DOKU_PUBLIC_KEY_FILE / DOKU_PRIVATE_KEY_FILE)";

/** Answers one Get Token call. */
export async function tokenCall(ctx: MockContext, call: Call): Promise<Reply> {
  const { op } = call;
  const { clientId } = ctx.identity;
  // Started with DOKU_CLIENT_ID + DOKU_SECRET_KEY only: no merchant key is registered, so no signature verifies.
  if (ctx.identity.merchantPublicKeyPem === "")
    return snapErrorReply(op, authFault(op.auth, { ok: false, rule: "signature-mismatch", reason: NO_KEY }));
  const verdict = verifyRequest(
    { method: call.method, path: call.target, headers: call.headers, body: call.raw },
    {
      auth: call.op.auth,
      credentials: { clientId, publicKey: ctx.identity.merchantPublicKeyPem },
      now: call.now,
      maxSkewMs: ctx.settings.timestampWindowMs,
    },
  );
  if (!verdict.ok) return snapErrorReply(op, authFault(op.auth, verdict));
  const checked = checkRequest(ctx, call);
  if (!checked.ok) return snapErrorReply(op, checked.fault);
  const outcome = await prismAnswer({ ctx, call, body: checked.body, clientId });
  if (isFault(outcome)) return snapErrorReply(op, outcome);
  const headers = {
    ...outcome.headers,
    [headerOf(op.auth, "clientId")]: clientId,
    [headerOf(op.auth, "timestamp")]: SCHEMES[op.auth].timestamp(call.now),
  };
  if (outcome.status >= 300) return jsonReply(outcome.status, outcome.body, headers);
  if (op.mock !== undefined) return b2b2cReply(ctx, call, checked.body, headers);
  const { accessToken, expiresIn } = ctx.tokens.issue(clientId, call.now);
  const body = {
    ...asRecord(outcome.body),
    responseCode: snapResponseCode(op, outcome.status, "00"),
    responseMessage: "Successful",
    accessToken,
    tokenType: "Bearer",
    expiresIn,
  };
  return jsonReply(outcome.status, body, headers);
}

/** A token operation with its own behaviour (Get Token B2B2C, x-doku-mock): the handler's answer. */
async function b2b2cReply(
  ctx: MockContext,
  call: Call,
  body: unknown,
  headers: Record<string, string>,
): Promise<Reply> {
  const outcome = await runHandler({ ctx, call, body, clientId: ctx.identity.clientId });
  if (isFault(outcome)) return snapErrorReply(call.op, outcome);
  const answer = { ...asRecord(outcome.body), responseCode: snapResponseCode(call.op, outcome.status, "00") };
  return jsonReply(outcome.status, answer, headers);
}
