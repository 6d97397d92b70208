/**
 * Mock behaviour name (the operation's `x-doku-mock`, specs/README.md) -> business handler. Operations
 * without one answer with Prism's mock as it is (any operation a newer spec adds without a behaviour). A `Prefer: code=<non-2xx>` request skips the business logic and gets the documented example for
 * that status.
 */
import { SpecError } from "../../model/errors.js";
import type { Operation } from "../../model/operation.js";
import type { Fault, Success } from "../reply.js";
import { createCheckoutPayment } from "./checkout.js";
import {
  accountBinding,
  accountUnbinding,
  balanceInquiry,
  cardRegistration,
  cardUnbinding,
} from "./dd-binding.js";
import { debitPayment, debitRefund, debitStatus } from "./dd-payment.js";
import { tokenB2b2c } from "./dd-token.js";
import { answerFromSpec, type Handler, type HandlerInput } from "./handler.js";
import { createAlfaPaymentCode, createIndomaretPaymentCode } from "./o2o.js";
import {
  createMerchantPaymentCode,
  createPaymentCode,
  paymentCodeStatus,
  updatePaymentCode,
} from "./payment-code.js";
import { createVa, deleteVa, updateVa } from "./snap-va.js";
import { checkVaStatus } from "./snap-va-status.js";

/** The stateful behaviours the mock implements, by `x-doku-mock` name. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  "create-va": createVa,
  "update-va": updateVa,
  "delete-va": deleteVa,
  "check-va-status": checkVaStatus,
  "create-payment-code": createPaymentCode,
  "create-merchant-payment-code": createMerchantPaymentCode,
  "update-payment-code": updatePaymentCode,
  "payment-code-status": paymentCodeStatus,
  "token-b2b2c": tokenB2b2c,
  "account-binding": accountBinding,
  "account-unbinding": accountUnbinding,
  "card-registration": cardRegistration,
  "card-unbinding": cardUnbinding,
  "balance-inquiry": balanceInquiry,
  "debit-payment": debitPayment,
  "debit-refund": debitRefund,
  "debit-status": debitStatus,
  "create-checkout-payment": createCheckoutPayment,
  "create-alfa-payment-code": createAlfaPaymentCode,
  "create-indomaret-payment-code": createIndomaretPaymentCode,
};

/** Throws a SpecError for an operation whose `x-doku-mock` names no behaviour of this mock. */
export function checkBehaviours(operations: readonly Operation[]): void {
  for (const op of operations) {
    if (op.mock !== undefined && !Object.hasOwn(HANDLERS, op.mock))
      throw new SpecError(
        `operation ${op.id}: x-doku-mock "${op.mock}" is not a mock behaviour; known: ${Object.keys(HANDLERS).join(", ")}`,
        `${op.pointer}/x-doku-mock`,
      );
  }
}

/** Runs the operation's handler (or the spec answer). */
export function runHandler(input: HandlerInput): Promise<Success | Fault> {
  const forced = input.call.prefs.code;
  if (forced !== undefined && (forced < 200 || forced >= 300)) return answerFromSpec(input);
  const behaviour = input.call.op.mock;
  return ((behaviour !== undefined ? HANDLERS[behaviour] : undefined) ?? answerFromSpec)(input);
}
