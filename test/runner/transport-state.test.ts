import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpTransport, TransportFailure } from "../../src/engine/transport.js";
import { replaceAt } from "../../src/runner/replace-at.js";

describe("replaceAt (copy-on-write)", () => {
  it("copies only the path written and leaves the input untouched", () => {
    const root = { a: { b: "x", c: { d: 1 } }, e: [1, 2] };
    const out = replaceAt(root, ["a", "b"], "y") as typeof root;
    expect(out).toEqual({ a: { b: "y", c: { d: 1 } }, e: [1, 2] });
    expect(root.a.b).toBe("x");
    expect(out.a.c).toBe(root.a.c);
    expect(out.e).toBe(root.e);
  });
  it("is a no-op (same reference) when the parent is missing, or the key with existingOnly", () => {
    const root = { a: { b: "x" } };
    expect(replaceAt(root, ["z", "b"], "y")).toBe(root);
    expect(replaceAt(root, ["a", "q"], "y", true)).toBe(root);
    expect(replaceAt(root, ["a", "q"], "y")).toEqual({ a: { b: "x", q: "y" } });
  });
  it("copies arrays as arrays", () => {
    const root = { items: [{ v: "1" }, { v: "2" }] };
    const out = replaceAt(root, ["items", "1", "v"], "3") as typeof root;
    expect(Array.isArray(out.items)).toBe(true);
    expect(out.items).toEqual([{ v: "1" }, { v: "3" }]);
    expect(out.items[0]).toBe(root.items[0]);
  });
});

describe("http transport abort", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("aborts every request in flight on its signal, and refuses one sent on an aborted signal", async () => {
    const held: (() => void)[] = [];
    server = createServer((_req, res) => held.push(() => res.end("{}")));
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const transport = createHttpTransport({ maxSockets: 4 });
    const stop = new AbortController();
    const send = () =>
      transport.send(
        { method: "GET", url: `http://127.0.0.1:${port}/x`, headers: {}, body: "" },
        { timeoutMs: 5_000, signal: stop.signal },
      );
    const pending = [send(), send()];
    while (held.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    stop.abort();
    for (const p of pending) {
      const error = await p.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransportFailure);
      expect((error as TransportFailure).code).toBe("ABORT_ERR");
    }
    const late = await send().catch((e: unknown) => e);
    expect((late as TransportFailure).code).toBe("ABORT_ERR");
    for (const release of held) release();
    await transport.close();
  });

  it("answers normally when the signal never aborts", async () => {
    server = createServer((_req, res) => res.end('{"ok":true}'));
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const transport = createHttpTransport({ maxSockets: 2 });
    const response = await transport.send(
      { method: "GET", url: `http://127.0.0.1:${port}/./a?b=1`, headers: {}, body: "" },
      { timeoutMs: 5_000, signal: new AbortController().signal },
    );
    expect(response.json).toEqual({ ok: true });
    await transport.close();
  });
});
