/** The one event policy: listeners in order, promises awaited, the first listener error kept for later. */
import { describe, expect, it } from "vitest";
import { createEmitter } from "../../src/engine/emitter.js";
import type { RunEvent, RunListener } from "../../src/engine/events.js";

const event: RunEvent = { type: "operation-started", operationId: "x" };

describe("createEmitter", () => {
  it("returns no promise when every listener is synchronous", () => {
    const seen: string[] = [];
    const emitter = createEmitter([
      { onEvent: () => void seen.push("a") },
      { onEvent: () => void seen.push("b") },
    ]);
    expect(emitter.emit(event)).toBeUndefined();
    expect(seen).toEqual(["a", "b"]);
  });

  it("awaits an async listener before calling the next one", async () => {
    const seen: string[] = [];
    const slow: RunListener = {
      onEvent: async () => {
        await new Promise((done) => setTimeout(done, 5));
        seen.push("slow");
      },
    };
    const emitter = createEmitter([slow, { onEvent: () => void seen.push("next") }]);
    await emitter.emit(event);
    expect(seen).toEqual(["slow", "next"]);
  });

  it("keeps the first listener error, tells the other listeners, and rethrows it on demand", async () => {
    const seen: string[] = [];
    const emitter = createEmitter([
      {
        onEvent: () => {
          throw new Error("first");
        },
      },
      { onEvent: () => Promise.reject(new Error("second")) },
      { onEvent: () => void seen.push("told") },
    ]);
    await emitter.emit(event);
    expect(seen).toEqual(["told"]);
    expect(() => emitter.rethrow()).toThrow("first");
  });

  it("rethrows nothing when no listener failed", () => {
    expect(() => createEmitter([]).rethrow()).not.toThrow();
  });
});
