/** `positive-accepted`: a valid case (examples, boundary, property) is accepted with a 2xx status. */
import type { Check } from "./check.js";
import { snapEnvelope, violation } from "./response.js";

export const positiveAccepted: Check = (ctx, exchange) => {
  const response = exchange.response;
  if (!response || (response.status >= 200 && response.status < 300)) return [];
  const envelope = snapEnvelope(response.json);
  const said =
    envelope?.responseCode === undefined
      ? ""
      : ` ${String(envelope.responseCode)} ${String(envelope.responseMessage ?? "")}`;
  return [
    violation("positive-accepted", exchange, ctx.operation, {
      pointer: "",
      rule: "status-code",
      expected: "2xx",
      actual: response.status,
      message: `${ctx.operation.id} rejected a valid request (${exchange.case.label}) with ${response.status}${said.trimEnd()}`,
    }),
  ];
};
