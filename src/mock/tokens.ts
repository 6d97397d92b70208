/**
 * B2B access tokens. DOKU issues RS256 JWTs (`iss` DOKU, claim `clientId`, research §3.1); the mock issues
 * JWT-shaped HS256 tokens signed with a random per-instance key, so they verify without a store and die
 * with the instance. Clients must treat them as opaque, as DOKU's docs ask.
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { BoundedMap } from "../model/bounded-map.js";
import { constantTimeEqual } from "../signatures/constant-time.js";

export interface IssuedToken {
  accessToken: string;
  /** Seconds, a JSON number, as DOKU answers (observed 900). */
  expiresIn: number;
}

export interface TokenIssuer {
  issue(clientId: string, nowMs: number): IssuedToken;
  /** The client id of a token this issuer signed that has not expired at `nowMs`; undefined otherwise. */
  check(token: string, nowMs: number): string | undefined;
}

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

/** Verified tokens remembered per issuer (a client sends the same token on every call until it expires). */
const VERIFIED_MAX = 64;

/** A token issuer with its own random key; `ttlSeconds` is the advertised and enforced lifetime. */
export function createTokenIssuer(ttlSeconds: number): TokenIssuer {
  const key = randomBytes(32);
  const mac = (text: string) => createHmac("sha256", key).update(text).digest("base64url");
  // Tokens whose signature and claims were read: their client id and expiry (ms). Expiry is still checked
  // on every call; the oldest entry goes first.
  const verified = new BoundedMap<string, { clientId: string; expMs: number }>(VERIFIED_MAX);
  return {
    issue(clientId, nowMs) {
      const iat = Math.floor(nowMs / 1000);
      const claims = {
        iss: "doku-conformance-mock",
        clientId,
        iat,
        exp: iat + ttlSeconds,
        jti: randomUUID(),
      };
      const unsigned = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
      return { accessToken: `${unsigned}.${mac(unsigned)}`, expiresIn: ttlSeconds };
    },
    check(token, nowMs) {
      const known = verified.get(token);
      if (known !== undefined) return nowMs >= known.expMs ? undefined : known.clientId;
      const parts = token.split(".");
      if (parts.length !== 3) return undefined;
      const [header, payload, signature] = parts as [string, string, string];
      if (!constantTimeEqual(signature, mac(`${header}.${payload}`))) return undefined;
      let claims: { clientId?: unknown; exp?: unknown };
      try {
        claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as typeof claims;
      } catch {
        return undefined;
      }
      if (typeof claims.exp !== "number" || typeof claims.clientId !== "string") return undefined;
      verified.set(token, { clientId: claims.clientId, expMs: claims.exp * 1000 });
      return nowMs >= claims.exp * 1000 ? undefined : claims.clientId;
    },
  };
}
