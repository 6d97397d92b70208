/**
 * `valid-accepted`: a genuine callback, correctly signed as DOKU, is taken as genuine.
 * - Never refused as unauthorized (401, or 403 where 403 is not a documented answer): the merchant failed
 *   to verify a valid signature or token.
 * - Notifications must be acknowledged with a 2xx (DOKU retries otherwise, D-NOTIF-RETRY), whatever the
 *   reference: DOKU is the source of truth for a payment.
 * - The --body callback (a reference the merchant knows) and the token request must succeed (2xx, and a
 *   SNAP responseCode starting with 2). Generated inquiries may legitimately find no bill (404 / 4042412),
 *   so for them only the refusal and the response contract are checked.
 */

import type { Violation } from "../../model/violation.js";
import { violation } from "../response.js";
import type { CallbackCheck } from "./context.js";
import { isAuthRefusal, isSuccess } from "./context.js";
import { signatureHeaderOf } from "./headers-at.js";

/** How DOKU signs callbacks is the kit's reading of conflicting sources (x-doku-conflict); how to try another. */
function howToSwitch(family: "snap" | "non-snap"): string {
  return family === "snap"
    ? "how DOKU signs SNAP callbacks is unconfirmed (see the operation's x-doku-conflict list): if your merchant follows another reading, certify it with --callback-auth snap-rsa or bearer-only"
    : "this is the signature DOKU's non-SNAP pages describe";
}

export const validAccepted: CallbackCheck = (ctx, exchange) => {
  const response = exchange.response;
  if (!response) return [];
  const c = exchange.case;
  const code = (response.json as { responseCode?: unknown } | undefined)?.responseCode;
  const answer = `${response.status}${typeof code === "string" ? ` ${code}` : ""}`;
  const found = (pointer: string, rule: string, expected: unknown, message: string): Violation[] => [
    violation("valid-accepted", exchange, ctx.operation, {
      pointer,
      rule,
      expected,
      actual: answer,
      message,
    }),
  ];
  if (isAuthRefusal(ctx, response.status)) {
    const header = signatureHeaderOf(ctx.auth);
    return found(
      `/headers/${header}`,
      "signature",
      "accepted as authentic",
      `the merchant refused a correctly signed ${c.label} with ${answer}: it does not verify ${ctx.auth} callbacks (${header}) the way the kit reads DOKU's documentation; ${howToSwitch(ctx.flow.family)}`,
    );
  }
  const mustSucceed = ctx.flow.kind === "notification" || c.kind === "pinned" || c.kind === "token";
  if (mustSucceed && !isSuccess(exchange)) {
    const why =
      c.kind === "token"
        ? "the token request must be answered with a token (2007300)"
        : c.kind === "pinned"
          ? "the --body callback names a reference the merchant knows, so it must succeed"
          : "DOKU treats anything but 2xx as undelivered and retries (30 min, 6 h, 12 h)";
    return found("", "status-code", "2xx", `the merchant answered ${answer} to ${c.label}; ${why}`);
  }
  return [];
};
