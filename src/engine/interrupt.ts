/** SIGINT for a driver: the caller's abort signal stops the run's own controller and is remembered. */

export interface Interrupt {
  /** True once the caller's signal fired. */
  readonly interrupted: boolean;
  /** Stops listening (call when the run is over). */
  dispose(): void;
}

/** Aborts `stop` when `signal` aborts (at once when it already has). */
export function watchInterrupt(signal: AbortSignal | undefined, stop: AbortController): Interrupt {
  const state = { interrupted: false };
  const onAbort = () => {
    state.interrupted = true;
    stop.abort();
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  if (signal?.aborted) onAbort();
  return {
    get interrupted() {
      return state.interrupted;
    },
    dispose: () => signal?.removeEventListener("abort", onAbort),
  };
}
