/**
 * SNAP transactional operations (x-doku-auth snap-symmetric): Bearer token issued by this mock and not
 * expired, X-SIGNATURE recomputed over the raw bytes and target received, X-TIMESTAMP inside the window,
 * X-PARTNER-ID = the token's client, then body/header validation, then X-EXTERNAL-ID unused that day
 * (day in MockOptions.dayOffsetMinutes, default Asia/Jakarta), then the operation's handler.
 */
import { headerOf, verifyRequest } from "../../signatures/index.js";
import { type Call, header, type MockContext } from "../context.js";
import { dayKey } from "../day.js";
import { fault, snapErrorReply, snapResponseCode } from "../errors.js";
import { runHandler } from "../handlers/index.js";
import { isFault, jsonReply, type Reply } from "../reply.js";
import { checkRequest } from "../request-check.js";
import { authFault, MESSAGES } from "./auth-faults.js";

/** Answers one SNAP transactional call. */
export async function snapCall(ctx: MockContext, call: Call): Promise<Reply> {
  const { op } = call;
  let clientId: string | undefined;
  const verdict = verifyRequest(
    { method: call.method, path: call.target, headers: call.headers, body: call.raw },
    {
      auth: call.op.auth,
      credentials: { secretKey: ctx.identity.secretKey },
      accessToken: (token) => {
        clientId = ctx.tokens.check(token, call.now);
        return clientId !== undefined;
      },
      now: call.now,
      maxSkewMs: ctx.settings.timestampWindowMs,
    },
  );
  if (!verdict.ok) return snapErrorReply(op, authFault(op.auth, verdict));
  const client = clientId as string;
  const partnerHeader = headerOf(op.auth, "partnerId");
  const partner = header(call, partnerHeader);
  if (partner !== undefined && partner !== client) {
    const detail = `${partnerHeader} "${partner}" is not the client the token was issued to`;
    return snapErrorReply(op, {
      ...fault(401, "00", MESSAGES.unknownClient, "unknown_client", detail),
      field: partnerHeader,
    });
  }
  const checked = checkRequest(ctx, call);
  if (!checked.ok) return snapErrorReply(op, checked.fault);
  const idHeader = headerOf(op.auth, "requestId");
  const externalId = header(call, idHeader);
  if (externalId !== undefined) {
    const day = dayKey(call.now, ctx.settings.dayOffsetMinutes);
    if (!ctx.state.useExternalId(client, day, externalId)) {
      const detail = `${idHeader} ${externalId} was already used on ${day}`;
      return snapErrorReply(op, {
        ...fault(409, "00", "Conflict", "duplicate_external_id", detail),
        field: idHeader,
      });
    }
  }
  const outcome = await runHandler({ ctx, call, body: checked.body, clientId: client });
  if (isFault(outcome)) return snapErrorReply(op, outcome);
  const body = outcome.body;
  if (outcome.status < 300 && body !== null && typeof body === "object" && "responseCode" in body) {
    const envelope = body as Record<string, unknown>;
    envelope.responseCode = snapResponseCode(op, outcome.status, "00");
    // Generated data (dynamic, or a response without example) carries no meaningful message.
    const documented = op.responses.find((r) => r.status === String(outcome.status));
    if (call.prefs.dynamic || !documented?.examples.length) envelope.responseMessage = "Successful";
  }
  return jsonReply(outcome.status, body, outcome.headers ?? {});
}
