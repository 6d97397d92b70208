/**
 * A notification acknowledgement is judged by its status: DOKU documents only that a 2xx stops its
 * retries, not that it reads the body. So a 2xx acknowledgement whose body departs from DOKU's sample
 * layout (schema, responseCode) is a warning that says so. An inquiry answer, which DOKU does read, and a
 * non-2xx answer keep their severity; so does everything under --strict.
 */
import type { CallbackExchange } from "../../model/callback-case.js";
import type { Violation } from "../../model/violation.js";
import type { Check } from "../check.js";
import type { CallbackCheckContext } from "./context.js";

const WHY =
  "a warning: the status is 2xx, and DOKU documents only that a 2xx acknowledgement stops its retries; the body follows DOKU's sample layout, which DOKU does not say it reads";

/** True for a 2xx answer to a notification (not to the token request, whose token DOKU reads). */
export function isAcknowledgement(ctx: CallbackCheckContext, exchange: CallbackExchange): boolean {
  const status = exchange.response?.status ?? 0;
  const kind = exchange.case.kind;
  const notification = ctx.flow.kind === "notification" && kind !== "token" && kind !== "token-forged";
  return notification && status >= 200 && status < 300;
}

/** Wraps a body check: on a 2xx acknowledgement its errors become warnings that say why. */
export function acknowledgementLayout(
  check: Check<CallbackCheckContext, CallbackExchange>,
): Check<CallbackCheckContext, CallbackExchange> {
  return (ctx, exchange) => {
    const found = check(ctx, exchange);
    if (ctx.strict || !isAcknowledgement(ctx, exchange)) return found;
    return found.map(
      (v): Violation =>
        v.severity === "error" ? { ...v, severity: "warning", message: `${v.message} (${WHY})` } : v,
    );
  };
}
