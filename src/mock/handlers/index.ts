/**
 * Operation id -> business handler. Operations without an entry answer with Prism's mock as it is (DANA
 * payment and refund, and any operation a newer spec adds). A `Prefer: code=<non-2xx>` request skips the
 * business logic and gets the documented example for that status.
 */
import type { Fault, Success } from "../reply.js";
import { answerFromSpec, type Handler, type HandlerInput } from "./handler.js";
import {
  createMerchantPaymentCode,
  createPaymentCode,
  orderStatus,
  updatePaymentCode,
} from "./payment-code.js";
import { createVa, deleteVa, updateVa } from "./snap-va.js";
import { checkVaStatus } from "./snap-va-status.js";

export const HANDLERS: Readonly<Record<string, Handler>> = {
  snapCreateVa: createVa,
  snapBtnCreateVaV1: createVa,
  snapUpdateVa: updateVa,
  snapDeleteVa: deleteVa,
  snapCheckVaStatus: checkVaStatus,
  dokuVaCreatePaymentCode: createPaymentCode,
  dokuVaCreateMerchantPaymentCode: createMerchantPaymentCode,
  dokuVaUpdatePaymentCode: updatePaymentCode,
  orderStatus,
};

/** Runs the operation's handler (or the spec answer). */
export function runHandler(input: HandlerInput): Promise<Success | Fault> {
  const forced = input.call.prefs.code;
  if (forced !== undefined && (forced < 200 || forced >= 300)) return answerFromSpec(input);
  return (HANDLERS[input.call.op.id] ?? answerFromSpec)(input);
}
