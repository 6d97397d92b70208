/**
 * SNAP B2B access token: fetched once (Get Token B2B, RSA-signed) and reused until it expires (less a
 * safety margin), single-flight under concurrency. A rejected token request is a configuration problem
 * (wrong client id or key): UsageError; no usable answer at all is a TargetError.
 */
import type { ReceivedResponse } from "../model/case.js";
import { TargetError, UsageError } from "../model/errors.js";

export interface TokenSession {
  /** A valid token, fetching one when none is cached or the cached one is about to expire. */
  get(): Promise<string>;
  /** Forces the next get() to fetch. */
  invalidate(): void;
}

/** Kit policy: refresh this long before `expiresIn` runs out. */
export const TOKEN_MARGIN_MS = 30_000;

export function createTokenSession(
  fetch: () => Promise<ReceivedResponse>,
  target: string,
  now: () => number = Date.now,
): TokenSession {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const load = async () => {
    const response = await fetch();
    const body = (response.json ?? {}) as Record<string, unknown>;
    const token = body.accessToken;
    if (response.status >= 200 && response.status < 300 && typeof token === "string" && token !== "") {
      const seconds = Number(body.expiresIn);
      const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 900_000;
      cached = { token, expiresAt: now() + Math.max(lifetime - TOKEN_MARGIN_MS, lifetime / 2) };
      return token;
    }
    const said = [body.responseCode, body.responseMessage].filter((v) => v !== undefined).join(" ");
    const what = `Get Token B2B at ${target} answered ${response.status}${said ? ` ${said}` : ""}`;
    if (response.status === 401 || response.status === 403) {
      throw new UsageError(
        `${what}; check DOKU_CLIENT_ID and DOKU_PRIVATE_KEY_FILE (its public key must be registered with DOKU)`,
      );
    }
    throw new TargetError(`${what}; cannot obtain a SNAP access token: ${tokenRefusal(response)}`);
  };
  return {
    get() {
      if (cached && now() < cached.expiresAt) return Promise.resolve(cached.token);
      pending ??= load().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

/** Why an answer to Get Token B2B gave no token, in words. */
function tokenRefusal(response: ReceivedResponse): string {
  if (response.status < 200 || response.status >= 300) return `HTTP ${response.status} is not a success`;
  if (response.json === undefined)
    return response.body.trim() === "" ? "the answer has no body" : "the answer is not JSON";
  return "the answer has no accessToken string";
}
