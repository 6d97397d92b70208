/**
 * The bearer tokens a merchant issues to DOKU at its token endpoint and checks on each SNAP callback. DOKU's
 * SDKs issue an RS256 JWT (900 s); any unguessable token the merchant can recognise serves, so this store
 * issues 256-bit random tokens and remembers them until they expire. One process only: a merchant running
 * several instances shares its tokens through its own store (pass `{ has }` or a predicate as issuedTokens).
 */
import { randomBytes } from "node:crypto";

/** The token lifetime DOKU's SDKs use (seconds). */
export const DEFAULT_TOKEN_LIFETIME_S = 900;

/** Issues tokens and tells whether a token is one it issued and has not expired. */
export class TokenIssuer {
  private readonly tokens = new Map<string, number>();
  constructor(
    private readonly lifetimeSeconds = DEFAULT_TOKEN_LIFETIME_S,
    private readonly clock: () => number = Date.now,
  ) {}

  /** A fresh token and its lifetime, ready for snapTokenAnswer. */
  issue(): { accessToken: string; expiresIn: number } {
    const now = this.clock();
    for (const [token, expires] of this.tokens) if (expires <= now) this.tokens.delete(token);
    const accessToken = randomBytes(32).toString("base64url");
    this.tokens.set(accessToken, now + this.lifetimeSeconds * 1000);
    return { accessToken, expiresIn: this.lifetimeSeconds };
  }

  /** True for a token this issuer issued that has not expired. */
  has(token: string): boolean {
    const expires = this.tokens.get(token);
    return expires !== undefined && expires > this.clock();
  }
}
