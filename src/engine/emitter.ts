/**
 * The one event policy of both drivers. Listeners are called in order for every event; a listener that
 * returns a promise is awaited before the next listener and before the driver goes on (synchronous
 * listeners cost no promise). A listener's error never stops the run: the first one is kept and the
 * driver rethrows it after run-finished, once the reports of the other listeners are written.
 */
import type { RunEvent, RunListener } from "./events.js";

/** Tells listeners under the one policy; keeps their first error. */
export interface Emitter {
  /** Tells every listener; a promise only when some listener returned one (await it). */
  emit(event: RunEvent): Promise<void> | undefined;
  /** Throws the first listener error, if any (call after run-finished). */
  rethrow(): void;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";

/** The emitter over `listeners`. */
export function createEmitter(listeners: readonly RunListener[]): Emitter {
  let failure: { error: unknown } | undefined;
  const note = (error: unknown) => {
    failure ??= { error };
  };
  const call = (listener: RunListener, event: RunEvent): PromiseLike<unknown> | undefined => {
    try {
      const result = listener.onEvent(event) as unknown;
      return isThenable(result) ? result : undefined;
    } catch (error) {
      note(error);
      return undefined;
    }
  };
  const rest = async (pending: PromiseLike<unknown>, event: RunEvent, from: number) => {
    await Promise.resolve(pending).catch(note);
    for (const listener of listeners.slice(from)) {
      const next = call(listener, event);
      if (next) await Promise.resolve(next).catch(note);
    }
  };
  return {
    emit(event) {
      for (let i = 0; i < listeners.length; i++) {
        const pending = call(listeners[i] as RunListener, event);
        if (pending) return rest(pending, event, i + 1);
      }
      return undefined;
    },
    rethrow() {
      if (failure) throw failure.error;
    },
  };
}
