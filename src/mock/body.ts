/**
 * Reads a request body up to a byte limit. Past the limit the rest is drained and dropped (so the client
 * still reads the answer instead of a reset), and the caller answers 413.
 */
import type { IncomingMessage } from "node:http";

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; received: number };

/** Resolves with the body, or `{ ok: false }` when it exceeded `limit`; rejects if the client went away. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on("end", () =>
      resolve(
        received <= limit ? { ok: true, bytes: Buffer.concat(chunks, received) } : { ok: false, received },
      ),
    );
    req.on("error", reject);
    req.on("close", () => {
      if (!req.complete) reject(new Error("client closed the connection before the body ended"));
    });
  });
}
