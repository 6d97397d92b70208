/**
 * The default transport's per-instance state: parsed origins (one WHATWG URL parse per base URL instead of
 * one per request) and the requests in flight per abort signal (one abort listener per signal instead of
 * one per request; aborting cancels each with the error node:http raises for an aborted request).
 */

export interface Origin {
  secure: boolean;
  protocol: string;
  hostname: string;
  port: string | number;
  /** The Host header node:http would send for this origin (IPv6 in brackets, the port unless default). */
  host: string;
}

/**
 * Per transport: parsed origins by their text (one WHATWG parse per base URL, not per request) and the
 * in-flight requests' cancels per abort signal (one abort listener per signal, not one per request).
 */
export interface TransportState {
  origins: Map<string, Origin>;
  inFlight: WeakMap<AbortSignal, Set<Cancel>>;
}

/** Withdraws one request in flight with the given error. */
export type Cancel = (error: Error) => void;

/** The scheme, host and port of an absolute URL (the part before its request target), parsed once. */
export function originOf(url: string, origins: Map<string, Origin>): Origin {
  const afterScheme = url.indexOf("//") + 2;
  const at = url.slice(afterScheme).search(/[/?#]/);
  const text = at < 0 ? url : url.slice(0, afterScheme + at);
  let origin = origins.get(text);
  if (!origin) {
    const parsed = new URL(url);
    const secure = parsed.protocol === "https:";
    const hostname = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
    const port = parsed.port || (secure ? 443 : 80);
    const named = hostname.includes(":") ? `[${hostname}]` : hostname;
    origin = {
      secure,
      protocol: parsed.protocol,
      hostname,
      port,
      host: Number(port) === (secure ? 443 : 80) ? named : `${named}:${port}`,
    };
    if (origins.size < 64) origins.set(text, origin);
  }
  return origin;
}

/** Registers `cancel` under `signal`: one listener per signal cancels every request still in flight. */
export function track(state: TransportState, signal: AbortSignal, cancel: Cancel): () => void {
  let pending = state.inFlight.get(signal);
  if (!pending) {
    const set = new Set<Cancel>();
    pending = set;
    state.inFlight.set(signal, set);
    signal.addEventListener(
      "abort",
      () => {
        for (const c of set) c(abortError(signal));
        set.clear();
      },
      { once: true },
    );
  }
  if (signal.aborted) {
    cancel(abortError(signal));
    return () => {};
  }
  const set = pending;
  set.add(cancel);
  return () => set.delete(cancel);
}

/** The error node:http raises for a request whose signal aborts. */
function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error("The operation was aborted", { cause: signal.reason }), {
    name: "AbortError",
    code: "ABORT_ERR",
  });
}
