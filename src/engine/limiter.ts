/**
 * Bounded parallelism and an optional request rate: `run(task)` waits for a free slot and for the next
 * send time (requests/second spaced evenly), then runs the task.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export interface LimiterOptions {
  concurrency: number;
  /** Requests per second; undefined or 0 for unlimited. */
  ratePerSecond?: number | undefined;
  /** Clock and sleep, injectable for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Creates a limiter; tasks start in submission order. */
export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const interval = options.ratePerSecond ? 1000 / options.ratePerSecond : 0;
  let active = 0;
  let nextSlot = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (active >= options.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    if (interval > 0) {
      const at = Math.max(now(), nextSlot);
      nextSlot = at + interval;
      const wait = at - now();
      if (wait > 0) await sleep(wait);
    }
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  const settle = <T>(task: () => Promise<T>): Promise<T> => {
    let running: Promise<T>;
    try {
      running = task();
    } catch (error) {
      release();
      return Promise.reject(error);
    }
    return running.then(
      (value) => {
        release();
        return value;
      },
      (error: unknown) => {
        release();
        throw error;
      },
    );
  };
  return {
    run(task) {
      // A free slot and no rate limit: start at once, without the promise layers of waiting.
      if (interval === 0 && active < options.concurrency) {
        active++;
        return settle(task);
      }
      return acquire().then(() => settle(task));
    },
  };
}
