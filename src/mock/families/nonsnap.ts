/**
 * Non-SNAP operations (x-doku-auth nonsnap-hmac): Client-Id, Request-Id, Request-Timestamp (in the window)
 * and Signature recomputed over the raw bytes (Digest line when there is a body), then idempotency by
 * Request-Id (research §7.3: same Request-Id + same body -> the same response body with HTTP 409), then
 * validation and the handler. Every answer carrying a Request-Id is signed like DOKU's (response variant:
 * Client-Id, Request-Id echoed, Response-Timestamp, Signature over the response body bytes).
 * Error bodies are the kit's (MockOptions.nonSnapErrorBody): DOKU documents none.
 */
import { hash } from "node:crypto";
import {
  formatNonSnapTimestamp,
  headerOf,
  signNonSnapResponse,
  verifyRequest,
} from "../../signatures/index.js";
import { type Call, header, type MockContext } from "../context.js";
import { fault } from "../errors.js";
import { runHandler } from "../handlers/index.js";
import { type Fault, isFault, jsonReply, type Reply } from "../reply.js";
import { checkRequest } from "../request-check.js";
import { authFault } from "./auth-faults.js";

/** Answers one non-SNAP call. */
export async function nonSnapCall(ctx: MockContext, call: Call): Promise<Reply> {
  const { clientId, secretKey } = ctx.identity;
  const verdict = verifyRequest(
    { method: call.method, path: call.target, headers: call.headers, body: call.raw },
    {
      auth: call.op.auth,
      credentials: { clientId, secretKey },
      now: call.now,
      maxSkewMs: ctx.settings.timestampWindowMs,
    },
  );
  if (!verdict.ok) return errorReply(ctx, call, authFault(call.op.auth, verdict));
  const requestId = header(call, headerOf(call.op.auth, "requestId")) as string;
  const key = `${clientId}|${requestId}`;
  const bodyHash = hash("sha256", call.raw, "base64");
  const remembered = call.method === "GET" ? undefined : ctx.state.answers.get(key);
  if (remembered !== undefined && remembered.bodyHash === bodyHash) {
    return signed(ctx, call, {
      status: 409,
      headers: { "Content-Type": "application/json" },
      body: remembered.body,
    });
  }
  if (remembered !== undefined && ctx.settings.requestIdReuse === "conflict") {
    const idHeader = headerOf(call.op.auth, "requestId");
    const detail = `${idHeader} ${requestId} was already used with a different body (DOKU documents no answer for this; kit choice)`;
    return errorReply(ctx, call, {
      ...fault(409, "00", "Conflict", "request_id_reused", detail),
      field: idHeader,
    });
  }
  const checked = checkRequest(ctx, call);
  if (!checked.ok) return errorReply(ctx, call, checked.fault);
  const outcome = await runHandler({ ctx, call, body: checked.body, clientId });
  if (isFault(outcome)) return errorReply(ctx, call, outcome);
  const reply = jsonReply(outcome.status, outcome.body, outcome.headers ?? {});
  if (call.method !== "GET" && reply.status < 300) ctx.state.answers.set(key, { bodyHash, body: reply.body });
  return signed(ctx, call, reply);
}

function errorReply(ctx: MockContext, call: Call, f: Fault): Reply {
  return signed(ctx, call, jsonReply(f.status, ctx.settings.nonSnapErrorBody(f, call.op)));
}

/** Adds DOKU's response signature headers when the request carried a Request-Id to echo. */
function signed(ctx: MockContext, call: Call, reply: Reply): Reply {
  const requestId = header(call, headerOf(call.op.auth, "requestId"));
  if (requestId === undefined || requestId === "") return reply;
  const headers = signNonSnapResponse({
    clientId: ctx.identity.clientId,
    requestId,
    target: call.target,
    body: reply.body,
    secretKey: ctx.identity.secretKey,
    timestamp: formatNonSnapTimestamp(call.now),
  });
  return { ...reply, headers: { ...reply.headers, ...headers } };
}
