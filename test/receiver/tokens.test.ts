/** TokenIssuer: issued tokens are recognised until they expire; others never are. */
import { describe, expect, it } from "vitest";
import { TokenIssuer } from "../../src/receiver/index.js";

describe("TokenIssuer", () => {
  it("recognises what it issued until expiry, and nothing else", () => {
    let now = 1_000_000;
    const issuer = new TokenIssuer(900, () => now);
    const { accessToken, expiresIn } = issuer.issue();
    expect(expiresIn).toBe(900);
    expect(accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issuer.has(accessToken)).toBe(true);
    expect(issuer.has(`${accessToken}x`)).toBe(false);
    now += 899_999;
    expect(issuer.has(accessToken)).toBe(true);
    now += 1;
    expect(issuer.has(accessToken)).toBe(false);
  });

  it("issues a different token each time", () => {
    const issuer = new TokenIssuer();
    const tokens = new Set(Array.from({ length: 50 }, () => issuer.issue().accessToken));
    expect(tokens.size).toBe(50);
  });
});
