/**
 * A MockStarter that runs the embedded mock in a worker thread (conformance/mock-worker.ts) instead of on
 * the runner's event loop: CLI runs against `--target mock` use both cores. The runner only needs the
 * mock's url, identity and close (src/runner/target.ts StartedMock). Start-up failures arrive as the same
 * kit errors (exit code and one-line message) as from the in-process mock.
 */
import { Worker } from "node:worker_threads";
import { KitError, TargetError } from "../src/model/errors.js";
import type { MockStarter, StartedMock } from "../src/runner/target.js";

/** What the worker posts to the thread that started it. */
export type MockThreadMessage =
  | { type: "ready"; url: string; identity: StartedMock["identity"] }
  | { type: "closed" }
  | { type: "failed"; name: string; message: string; exitCode: 2 | 3 | undefined };

/** How long close() waits for the worker to stop its server before terminating it. */
const CLOSE_GRACE_MS = 5000;

export interface MockThreadOptions {
  /** Called once the worker's mock listens (the CLI's --debug line). */
  onStarted?: (info: { url: string; threadId: number }) => void;
  /** Aborting before the mock listens terminates the worker (the start rejects with the reason). */
  signal?: AbortSignal;
}

/**
 * A worker started now, before the runner needs it, so its start-up (module loading, Prism, the identity's
 * RSA key) overlaps the runner's own (generated/, arbitraries). The first starter call takes it; `dispose`
 * closes it when no run took it (a usage error before the target was resolved).
 */
export function prestartedMockStarter(options: MockThreadOptions = {}): {
  startMock: MockStarter;
  dispose(): Promise<void>;
} {
  // The compiled worker entry sits beside this module (dist/conformance/).
  const entry = new URL("./mock-worker.js", import.meta.url);
  let info: { url: string; threadId: number } | undefined;
  const unused = new AbortController();
  const early = startMockThread(entry, {
    onStarted: (started) => {
      info = started;
    },
    signal: unused.signal,
  });
  early.catch(() => {}); // settled by whoever takes it; an unused failed start is nobody's error
  let taken = false;
  return {
    startMock: async () => {
      if (taken) return startMockThread(entry, options);
      taken = true;
      const mock = await early;
      if (info) options.onStarted?.(info);
      return mock;
    },
    dispose: async () => {
      if (taken) return;
      taken = true;
      unused.abort(new Error("not needed"));
      await (await early.catch(() => undefined))?.close();
    },
  };
}

/** Starts the worker at `entry` (given `workerData`) and resolves once its mock listens. */
export function startMockThread(
  entry: URL,
  options: MockThreadOptions = {},
  workerData?: unknown,
): Promise<StartedMock> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData });
    let started = false;
    const failed = (error: Error) => {
      if (started) return;
      started = true;
      void worker.terminate();
      reject(error);
    };
    // An uncaught error in the worker arrives as the Error it was: the CLI prints it as it would in-process.
    worker.once("error", failed);
    worker.once("exit", (code) =>
      failed(new TargetError(`mock failed to start: its worker thread exited (code ${code})`)),
    );
    options.signal?.addEventListener("abort", () => failed(options.signal?.reason as Error), { once: true });
    worker.on("message", (message: MockThreadMessage) => {
      if (message.type === "failed") return failed(kitError(message));
      if (message.type !== "ready" || started) return;
      started = true;
      options.onStarted?.({ url: message.url, threadId: worker.threadId });
      resolve({ url: message.url, identity: message.identity, close: closer(worker) });
    });
  });
}

/** close(): asks the worker to stop its server (open connections included), terminates it if it does not. */
function closer(worker: Worker): () => Promise<void> {
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    worker.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  // A worker that crashed after start-up exits by itself; its error has no one else to go to.
  worker.on("error", () => {});
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      if (exited) return;
      const timer = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
      worker.postMessage("close");
      await gone;
      clearTimeout(timer);
    })();
    return closing;
  };
}

/** The worker's error as it was thrown: a kit error keeps its message and exit code, anything else its message. */
function kitError(message: Extract<MockThreadMessage, { type: "failed" }>): Error {
  const error =
    message.exitCode === undefined
      ? new Error(message.message)
      : new KitError(message.message, message.exitCode);
  error.name = message.name;
  return error;
}
