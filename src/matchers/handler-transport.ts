/**
 * A transport that hands each request to a fetch-style handler in the same process — `(Request) =>
 * Response` as Hono, Next.js route handlers, Bun and Deno serve — so a merchant's handler is certified
 * without opening a port. The exact body bytes reach the handler, so its signature check sees what DOKU sends.
 */
import type { Transport } from "../engine/transport.js";
import type { ReceivedResponse } from "../model/case.js";

/** A merchant endpoint as a function: Web Request in, Web Response out. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** The in-process transport over `handler`; a handler that throws is a transport failure (no response). */
export function handlerTransport(handler: FetchHandler): Transport {
  return {
    async send(sent) {
      const hasBody = sent.body !== "" && sent.method !== "GET";
      const response = await handler(
        new Request(sent.url, {
          method: sent.method,
          headers: sent.headers,
          ...(hasBody ? { body: sent.body } : {}),
        }),
      );
      const body = await response.text();
      const received: ReceivedResponse = {
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body,
      };
      try {
        received.json = JSON.parse(body);
      } catch {
        // not JSON: checks report it from the raw body
      }
      return received;
    },
    async close() {},
  };
}
