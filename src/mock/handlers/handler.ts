/** A business handler: what DOKU would do with an authenticated, valid request of one operation. */
import type { Call, MockContext } from "../context.js";
import { fault } from "../errors.js";
import { isProblem } from "../prism.js";
import type { Fault, Success } from "../reply.js";

export interface HandlerInput {
  ctx: MockContext;
  call: Call;
  /** The parsed, validated body (undefined for GET). */
  body: unknown;
  /** The authenticated client. */
  clientId: string;
}

export type Handler = (input: HandlerInput) => Promise<Success | Fault>;

/** Prism's answer for the call's operation (spec example or dynamic data), as a Success or a Fault. */
export async function prismAnswer({ ctx, call }: HandlerInput): Promise<Success | Fault> {
  const answer = await ctx.prism.answer(call.op, call.prefs);
  if (isProblem(answer)) {
    const { problem } = answer;
    return fault(
      answer.status,
      "00",
      problem.title,
      "mock_no_response",
      `${problem.title}: ${problem.detail}`,
    );
  }
  const { "Content-type": _type, "content-type": _lower, ...headers } = answer.headers;
  return { status: answer.status, body: answer.body, headers };
}

/** The default handler: Prism's answer as it is. */
export const answerFromSpec: Handler = prismAnswer;
