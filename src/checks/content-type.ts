/**
 * `content-type`: the response's media type is the documented one, and a JSON media type carries a body
 * that parses as JSON.
 */
import { headerValue } from "../signatures/headers.js";
import type { Check } from "./check.js";
import { documentedResponse, violation } from "./response.js";

export const contentType: Check = (ctx, exchange) => {
  const response = exchange.response;
  const documented = response && documentedResponse(ctx.operation, response.status)?.contentType;
  if (!response || !documented) return [];
  const received = headerValue(response.headers, "content-type");
  const mediaType = received?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== documented.toLowerCase()) {
    return [
      violation("content-type", exchange, ctx.operation, {
        pointer: "/headers/Content-Type",
        rule: "content-type",
        expected: documented,
        actual: received ?? null,
        message: `${ctx.operation.id} ${response.status}: Content-Type is ${received ?? "missing"}; the spec documents ${documented}`,
      }),
    ];
  }
  if (documented.includes("json") && response.json === undefined && response.body.trim() !== "") {
    return [
      violation("content-type", exchange, ctx.operation, {
        pointer: "",
        rule: "json",
        expected: "a JSON body",
        actual: response.body.slice(0, 80),
        message: `${ctx.operation.id} ${response.status}: the body is not JSON although Content-Type is ${documented}`,
      }),
    ];
  }
  return [];
};
