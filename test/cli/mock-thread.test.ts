/**
 * conformance/mock-thread.ts: the runner's view of a mock in a worker thread (url, identity, close), and
 * start-up failures surfacing as the errors the in-process mock throws. The worker here is a fixture
 * (vitest cannot load the TypeScript worker entry); test/cli/run-worker.test.ts runs the real one via the bin.
 */
import { describe, expect, it } from "vitest";
import { startMockThread } from "../../conformance/mock-thread.js";
import { KitError, TargetError } from "../../src/model/errors.js";

const FAKE = new URL("./fixtures/mock-worker-fake.mjs", import.meta.url);

describe("startMockThread", () => {
  it("resolves with the worker's url and identity; close stops its server and the worker", async () => {
    let started: { url: string; threadId: number } | undefined;
    const mock = await startMockThread(FAKE, { onStarted: (info) => (started = info) }, { mode: "ok" });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.identity).toEqual({ clientId: "C", secretKey: "S" });
    expect(started?.url).toBe(mock.url);
    expect(started?.threadId).toBeGreaterThan(0);
    expect(await (await fetch(mock.url)).text()).toBe("ok");
    await Promise.all([mock.close(), mock.close()]);
    await expect(fetch(mock.url)).rejects.toThrow();
  });

  it("aborting before the mock listens terminates the worker and rejects with the reason", async () => {
    const controller = new AbortController();
    const start = startMockThread(FAKE, { signal: controller.signal }, { mode: "ok" });
    controller.abort(new Error("not needed"));
    await expect(start).rejects.toThrow("not needed");
  });

  it("close resolves when the worker already crashed after start-up", async () => {
    const mock = await startMockThread(FAKE, {}, { mode: "crash-after-ready" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await mock.close();
  });

  it("a kit error in the worker keeps its message and exit code", async () => {
    const failure = startMockThread(FAKE, {}, { mode: "kit-error" });
    await expect(failure).rejects.toBeInstanceOf(KitError);
    await expect(failure).rejects.toMatchObject({
      message: "mock cannot listen on 127.0.0.1:1: EACCES",
      exitCode: 3,
      name: "TargetError",
    });
  });

  it("any other error keeps its message and is not a kit error (the CLI calls it internal, as in-process)", async () => {
    const failure = startMockThread(FAKE, {}, { mode: "plain-error" });
    await expect(failure).rejects.toThrow("Prism exploded");
    await expect(failure).rejects.not.toBeInstanceOf(KitError);
  });

  it("an uncaught error in the worker rejects with that error", async () => {
    await expect(startMockThread(FAKE, {}, { mode: "throw" })).rejects.toThrow(
      "worker crashed while loading",
    );
  });

  it("a worker that exits without starting is a TargetError", async () => {
    const failure = startMockThread(FAKE, {}, { mode: "silent-exit" });
    await expect(failure).rejects.toBeInstanceOf(TargetError);
    await expect(failure).rejects.toThrow(/mock failed to start: its worker thread exited/);
  });
});
