/**
 * The receiver's answer builders bound to the generated operation table and typed by the generated
 * `operations` types: responseCodes come from the specs (x-doku-service-code, x-doku-case-codes), and a
 * misspelled answer field is a type error. The untyped builders live in src/receiver/answers.ts.
 */
import { operations as table } from "../generated/operations.js";
import type { operations, webhooks } from "../generated/types.js";
import { SpecError } from "../src/model/errors.js";
import type { Operation } from "../src/model/operation.js";
import {
  type AnsweredRequest,
  type CallbackVerdict,
  type DokuAnswer,
  type NonSnapAnswerKeys,
  nonSnapInquiryAnswer,
  nonSnapNotificationAck,
  refusalAnswer,
  snapInquiryAnswer,
  snapNotificationAck,
  snapTokenAnswer,
} from "../src/receiver/index.js";

/** The DOKU -> merchant operations (webhooks) by operation id: every key of the generated `webhooks`. */
export type WebhookId = keyof webhooks & string;

type Json<
  Id extends keyof operations,
  S extends keyof operations[Id]["responses"],
> = operations[Id]["responses"][S] extends { content: { "application/json": infer B } } ? B : never;
type Fields<Id extends keyof operations, S extends keyof operations[Id]["responses"]> = Omit<
  Json<Id, S>,
  "responseCode" | "responseMessage"
>;

/** A webhook's row of the generated operation table (a SpecError if the table lacks it). */
export function webhookOperation(id: WebhookId): Operation {
  const found = table.find((op) => op.id === id && op.kind === "webhook");
  if (found === undefined) throw new SpecError(`no webhook ${id} in the operation table`, "#/webhooks");
  return found;
}

/** The answers DOKU expects, per callback, with the codes and layouts of the specs. */
export const dokuAnswers = {
  /** The token endpoint's answer (2007300) with a token the merchant issued (TokenIssuer.issue()). */
  token: (token: { accessToken: string; expiresIn: number }): DokuAnswer =>
    snapTokenAnswer(webhookOperation("snapMerchantToken"), token),
  /** SNAP VA inquiry answer (2002400) carrying the bill. */
  snapVaInquiry: (fields: Fields<"snapVaInquiry", 200>): DokuAnswer =>
    snapInquiryAnswer(webhookOperation("snapVaInquiry"), fields),
  /** SNAP VA payment notification acknowledgement (2002500), optionally echoing virtualAccountData. */
  snapVaPayment: (fields: Fields<"snapVaPaymentNotification", 200> = {}): DokuAnswer =>
    snapNotificationAck(webhookOperation("snapVaPaymentNotification"), fields),
  /** DANA payment notification acknowledgement: 200 (DOKU documents no answer body). */
  danaPayment: (): DokuAnswer => snapNotificationAck(webhookOperation("danaPaymentNotification")),
  /** Direct-debit payment notification acknowledgement: 200 (DOKU documents no answer body). */
  directDebitPayment: (): DokuAnswer =>
    snapNotificationAck(webhookOperation("directDebitPaymentNotification")),
  /** Non-SNAP inquiry answer: the status its virtual_account_inquiry.status calls for, signed. */
  dokuVaInquiry: (
    body: Json<"dokuVaInquiry", 200>,
    request: AnsweredRequest,
    keys: NonSnapAnswerKeys,
  ): DokuAnswer => nonSnapInquiryAnswer(webhookOperation("dokuVaInquiry"), body, request, keys),
  /** Non-SNAP notification acknowledgement: 200. */
  dokuVaNotification: (): DokuAnswer => nonSnapNotificationAck(),
  /** DOKU Checkout notification acknowledgement: 200. */
  checkoutNotification: (): DokuAnswer => nonSnapNotificationAck(),
  /** Alfa Group payment notification acknowledgement: 200. */
  alfaNotification: (): DokuAnswer => nonSnapNotificationAck(),
  /** Indomaret payment notification acknowledgement: 200. */
  indomaretNotification: (): DokuAnswer => nonSnapNotificationAck(),
  /** The refusal (401 / 400) for a verdict, in the operation's layout. */
  refusal: (id: WebhookId, verdict: Extract<CallbackVerdict, { ok: false }>): DokuAnswer =>
    refusalAnswer(webhookOperation(id), verdict),
} as const;
