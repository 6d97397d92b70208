/**
 * fastifyCallbackRoutes on a real Fastify 5 app: raw Buffer bodies inside its own scope (the rest of the app
 * keeps Fastify's JSON parser), duplicates seen, forgery refused, body capped (413).
 */
import Fastify from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { fastifyCallbackRoutes } from "../../../src/receiver/index.js";
import { adapterLaws, handler, PATH, type Seen, send, signedNotification } from "./harness.js";

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function start(seen: Seen, maxBytes?: number) {
  const app = Fastify();
  apps.push(app);
  app.register(
    fastifyCallbackRoutes([{ url: PATH, handle: handler(seen) }], maxBytes === undefined ? {} : { maxBytes }),
  );
  app.post("/elsewhere", async (request) => ({ parsed: request.body }));
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return address;
}

describe("fastifyCallbackRoutes", () => {
  it("exact bytes, duplicates seen, forgery refused", async () => {
    const seen: Seen = { bodies: [] };
    await adapterLaws(await start(seen), seen);
  });

  it("leaves the rest of the app's JSON parsing alone", async () => {
    const base = await start({ bodies: [] });
    const answer = await send(
      base,
      "/elsewhere",
      { "Content-Type": "application/json" },
      Buffer.from('{"a":1}'),
    );
    expect(JSON.parse(answer.body)).toEqual({ parsed: { a: 1 } });
  });

  it("caps the body (413)", async () => {
    const seen: Seen = { bodies: [] };
    const signed = signedNotification();
    const answer = await send(await start(seen, 64), PATH, signed.headers, signed.body);
    expect(answer.status).toBe(413);
    expect(seen.bodies).toEqual([]);
  });
});
