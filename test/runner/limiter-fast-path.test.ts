import { describe, expect, it } from "vitest";
import { createLimiter } from "../../src/engine/limiter.js";

describe("limiter without a rate (fast path)", () => {
  it("frees the slot when a task throws synchronously or rejects", async () => {
    const limiter = createLimiter({ concurrency: 1 });
    const thrown = limiter.run((() => {
      throw new Error("sync");
    }) as () => Promise<void>);
    await expect(thrown).rejects.toThrow("sync");
    await expect(limiter.run(async () => Promise.reject(new Error("async")))).rejects.toThrow("async");
    await expect(limiter.run(async () => 7)).resolves.toBe(7);
  });

  it("never runs more than `concurrency` tasks and starts them in submission order", async () => {
    const limiter = createLimiter({ concurrency: 2 });
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const all = Array.from({ length: 6 }, (_, i) =>
      limiter.run(async () => {
        started.push(i);
        peak = Math.max(peak, ++running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return i;
      }),
    );
    while (started.length < 6) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      for (const release of releases.splice(0)) release();
    }
    for (const release of releases.splice(0)) release();
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });
});
