/**
 * The terminating signals a CLI run handles: SIGINT (Ctrl+C), SIGTERM (`timeout`, CI cancellation,
 * `docker stop`) and SIGHUP (a closed terminal). The first one aborts the run's controller with the signal's
 * name as reason, so commands write what they have and clean up; a second one exits at once.
 */

/** The signals that stop a command gracefully. */
export const TERMINATING_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export type TerminatingSignal = (typeof TERMINATING_SIGNALS)[number];

/** What watchSignals needs from `process` (injectable for tests). */
export interface SignalSource {
  on(signal: TerminatingSignal, listener: () => void): unknown;
  off(signal: TerminatingSignal, listener: () => void): unknown;
  exit(code: number): never;
}

/** The shell's exit code for a process killed by `signal` (128 + its number). */
export const SIGNAL_EXIT_CODES: Record<TerminatingSignal, number> = {
  SIGINT: 130,
  SIGTERM: 143,
  SIGHUP: 129,
};

/** Aborts `controller` (reason: the signal's name) on the first terminating signal; returns the unsubscribe. */
export function watchSignals(source: SignalSource, controller: AbortController): () => void {
  const handlers = TERMINATING_SIGNALS.map((signal) => {
    const handler = () => {
      if (controller.signal.aborted) source.exit(SIGNAL_EXIT_CODES[signal]);
      controller.abort(signal);
    };
    source.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) source.off(signal, handler);
  };
}

/** The signal that aborted `signal`, or "an interrupt" when it was aborted another way. */
export function signalName(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return typeof reason === "string" && (TERMINATING_SIGNALS as readonly string[]).includes(reason)
    ? reason
    : "an interrupt";
}
