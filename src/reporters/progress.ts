/**
 * The TTY progress bar of long runs: cases sent / planned, a bar, the rate and the time left.
 * Pure text; the console reporter draws it only on a TTY (CI logs and pipes get nothing extra).
 */

export interface ProgressState {
  done: number;
  total: number;
  /** Milliseconds since the first case was planned. */
  elapsedMs: number;
}

const BAR_WIDTH = 20;

/** "[########------------] 120/300 cases · 40.0/s · ETA 5 s" (ETA "–" until a rate is known). */
export function progressLine(state: ProgressState): string {
  const total = Math.max(state.total, state.done, 1);
  const filled = Math.min(BAR_WIDTH, Math.round((state.done / total) * BAR_WIDTH));
  const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
  const seconds = state.elapsedMs / 1000;
  const rate = seconds > 0 ? state.done / seconds : 0;
  const left = Math.max(0, state.total - state.done);
  const eta = rate > 0 ? timeLeft(left / rate) : "–";
  return `${bar} ${state.done}/${state.total} cases · ${rate.toFixed(1)}/s · ETA ${eta}`;
}

function timeLeft(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
