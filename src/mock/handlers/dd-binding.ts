/**
 * Direct debit bindings: account binding and card registration issue a binding with an authCode (what Get
 * Token B2B2C exchanges); unbinding ends it (its tokens stop working, a second unbinding is refused);
 * balance inquiry answers the balance of the binding the Authorization-Customer token names. Unknown or
 * ended bindings answer 401 <svc>02 "Invalid Customer Token" (DOKU's SNAP error table). The redirect URL
 * is the kit's own (an `.invalid` host): DOKU documents none.
 */
import { randomUUID } from "node:crypto";
import { header } from "../context.js";
import { fault } from "../errors.js";
import { asRecord } from "../overlay.js";
import {
  type Binding,
  boundBy,
  customerBinding,
  ddStore,
  fromCents,
  refused,
  START_BALANCE_CENTS,
} from "./dd-store.js";
import type { Handler, HandlerInput } from "./handler.js";

const REDIRECT = "https://doku-conformance-mock.invalid";

function bind(kind: Binding["kind"]): Handler {
  return async ({ ctx, clientId, body }) => {
    const store = ddStore(ctx.state);
    const request = asRecord(body);
    const info = asRecord(request.additionalInfo);
    const binding: Binding = {
      clientId,
      kind,
      authCode: randomUUID(),
      referenceNo: store.nextReference(),
      channel: typeof info.channel === "string" ? info.channel : undefined,
      custIdMerchant: String(info.custIdMerchant ?? request.custIdMerchant ?? "") || undefined,
      active: true,
      balance: START_BALANCE_CENTS,
    };
    store.bindings.set(`${clientId}|${binding.authCode}`, binding);
    return {
      status: 200,
      body: {
        responseCode: "",
        responseMessage: "Successful",
        referenceNo: binding.referenceNo,
        redirectUrl: `${REDIRECT}/${kind}-binding/${binding.referenceNo}`,
        additionalInfo: {
          ...(binding.custIdMerchant !== undefined ? { custIdMerchant: binding.custIdMerchant } : {}),
          authCode: binding.authCode,
        },
      },
    };
  };
}

function unbind(kind: Binding["kind"]): Handler {
  return async ({ ctx, clientId, body, call }: HandlerInput) => {
    const store = ddStore(ctx.state);
    const tokenId = String(asRecord(body).tokenId ?? "");
    const binding = boundBy(store, clientId, tokenId, call.now);
    if (!binding?.active || binding.kind !== kind)
      return fault(
        401,
        "02",
        "Invalid Customer Token",
        "invalid_customer_token",
        `no live ${kind} binding for tokenId`,
      );
    binding.active = false;
    for (const [token, issued] of store.customerTokens)
      if (issued.binding === binding) store.customerTokens.delete(token);
    for (const [token, bound] of store.refreshTokens)
      if (bound === binding) store.refreshTokens.delete(token);
    return {
      status: 200,
      body: { responseCode: "", responseMessage: "Successful", referenceNo: binding.referenceNo },
    };
  };
}

export const accountBinding: Handler = bind("account");
export const cardRegistration: Handler = bind("card");
export const accountUnbinding: Handler = unbind("account");
export const cardUnbinding: Handler = unbind("card");

export const balanceInquiry: Handler = async ({ ctx, clientId, call }) => {
  const found = customerBinding(
    ddStore(ctx.state),
    clientId,
    header(call, "authorization-customer"),
    call.now,
  );
  if (refused(found)) return found;
  const amount = { value: fromCents(found.balance), currency: "IDR" };
  return {
    status: 200,
    body: { responseCode: "", responseMessage: "Successful", accountInfos: [{ amount }] },
  };
};
