/**
 * expressCallbackHandler on a real Express 5 app: behind express.raw({ type: "*\/*" }), with no body parser,
 * and refused (UsageError to next) behind express.json(), which destroys the bytes DOKU signed.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { UsageError } from "../../../src/model/errors.js";
import { expressCallbackHandler } from "../../../src/receiver/index.js";
import { adapterLaws, handler, PATH, type Seen, send, signedNotification } from "./harness.js";

/** The slice of Express this test uses (express ships no types; the adapter is structurally typed). */
interface ExpressApp {
  post(path: string, ...handlers: unknown[]): void;
  use(handler: unknown): void;
  listen(port: number, host: string, done: () => void): Server;
}
interface Express {
  (): ExpressApp;
  raw(options: { type: string; limit?: number }): unknown;
  json(): unknown;
}

const EXPRESS = "express";
const express = ((await import(EXPRESS)) as { default: Express }).default;

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function start(app: ExpressApp): Promise<string> {
  const server = await new Promise<Server>((done) => {
    const s = app.listen(0, "127.0.0.1", () => done(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("expressCallbackHandler", () => {
  it("behind express.raw({ type: '*/*' }): exact bytes, duplicates seen, forgery refused", async () => {
    const seen: Seen = { bodies: [] };
    const app = express();
    app.post(PATH, express.raw({ type: "*/*" }), expressCallbackHandler(handler(seen)));
    await adapterLaws(await start(app), seen);
  });

  it("with no body parser: reads the stream itself", async () => {
    const seen: Seen = { bodies: [] };
    const app = express();
    app.post(PATH, expressCallbackHandler(handler(seen)));
    await adapterLaws(await start(app), seen);
  });

  it("behind express.json(): passes a UsageError to next instead of verifying a re-serialised body", async () => {
    const seen: Seen = { bodies: [] };
    const errors: unknown[] = [];
    const app = express();
    app.post(PATH, express.json(), expressCallbackHandler(handler(seen)));
    app.use((error: unknown, _req: unknown, res: { status(n: number): { end(): void } }, _next: unknown) => {
      errors.push(error);
      res.status(500).end();
    });
    const signed = signedNotification();
    const answer = await send(await start(app), PATH, signed.headers, signed.body);
    expect(answer.status).toBe(500);
    expect(errors[0]).toBeInstanceOf(UsageError);
    expect(String(errors[0])).toContain("express.raw");
    expect(seen.bodies).toEqual([]);
  });

  it("caps the body (413)", async () => {
    const seen: Seen = { bodies: [] };
    const app = express();
    app.post(PATH, expressCallbackHandler(handler(seen), { maxBytes: 64 }));
    const signed = signedNotification();
    expect((await send(await start(app), PATH, signed.headers, signed.body)).status).toBe(413);
    expect(seen.bodies).toEqual([]);
  });
});
