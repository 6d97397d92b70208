/** nodeCallbackHandler on a real node:http server: raw bytes intact, duplicates visible, body capped (413). */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { nodeCallbackHandler } from "../../../src/receiver/index.js";
import { adapterLaws, handler, PATH, type Seen, send, signedNotification } from "./harness.js";

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function start(maxBytes?: number, onError?: (e: unknown) => void) {
  const seen: Seen = { bodies: [] };
  const server = createServer(
    nodeCallbackHandler(handler(seen), {
      ...(maxBytes === undefined ? {} : { maxBytes }),
      ...(onError === undefined ? {} : { onError }),
    }),
  );
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe("nodeCallbackHandler", () => {
  it("verifies the exact bytes, sees a header sent twice, refuses a forgery", async () => {
    const { base, seen } = await start();
    await adapterLaws(base, seen);
  });

  it("answers 413 to a body over the cap, without calling the handler", async () => {
    const { base, seen } = await start(64);
    const signed = signedNotification();
    const answer = await send(base, PATH, signed.headers, signed.body);
    expect(answer.status).toBe(413);
    expect(seen.bodies).toEqual([]);
  });

  it("answers 500 when the handler throws, and reports the error", async () => {
    const errors: unknown[] = [];
    const seen: Seen = { bodies: [] };
    const server = createServer(
      nodeCallbackHandler(
        () => {
          throw new Error("boom");
        },
        { onError: (e) => errors.push(e) },
      ),
    );
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const answer = await send(base, PATH, {}, Buffer.from("{}"));
    expect(answer.status).toBe(500);
    expect(errors).toHaveLength(1);
    expect(seen.bodies).toEqual([]);
  });
});
