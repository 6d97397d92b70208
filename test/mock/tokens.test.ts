/** The mock's B2B access tokens: HS256 JWTs of one issuer, checked for signature, client and expiry. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTokenIssuer } from "../../src/mock/tokens.js";

const T0 = Date.UTC(2026, 0, 1);

describe("createTokenIssuer", () => {
  it("accepts its own token until it expires, on every call (a remembered token too)", () => {
    const issuer = createTokenIssuer(900);
    const { accessToken, expiresIn } = issuer.issue("BRN-1", T0);
    expect(expiresIn).toBe(900);
    expect(issuer.check(accessToken, T0)).toBe("BRN-1");
    expect(issuer.check(accessToken, T0 + 899_999)).toBe("BRN-1");
    expect(issuer.check(accessToken, T0 + 900_000)).toBeUndefined();
    // Time is the caller's: an earlier instant is judged again, not from the last answer.
    expect(issuer.check(accessToken, T0 + 1_000)).toBe("BRN-1");
  });

  it("refuses another issuer's token and any altered token, before and after its own was remembered", () => {
    const issuer = createTokenIssuer(900);
    const other = createTokenIssuer(900).issue("BRN-1", T0).accessToken;
    const own = issuer.issue("BRN-1", T0).accessToken;
    expect(issuer.check(other, T0)).toBeUndefined();
    expect(issuer.check(own, T0)).toBe("BRN-1");
    const [header, payload, signature] = own.split(".") as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ clientId: "BRN-2", exp: T0 / 1000 + 900 })).toString(
      "base64url",
    );
    expect(issuer.check(`${header}.${forged}.${signature}`, T0)).toBeUndefined();
    expect(issuer.check(`${own}x`, T0)).toBeUndefined();
    expect(issuer.check(own.slice(0, -1), T0)).toBeUndefined();
    expect(issuer.check(`${header}.${payload}`, T0)).toBeUndefined();
  });

  it("law: a token's answer depends only on the token and the instant, however many were checked before", () => {
    const issuer = createTokenIssuer(60);
    const tokens = Array.from({ length: 100 }, (_, i) => issuer.issue(`BRN-${i}`, T0 + i * 1000).accessToken);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(99), fc.integer({ min: -10, max: 200 })), { maxLength: 300 }),
        (calls) => {
          for (const [i, second] of calls) {
            const now = T0 + second * 1000;
            const alive = now < T0 + i * 1000 + 60_000;
            expect(issuer.check(tokens[i] as string, now)).toBe(alive ? `BRN-${i}` : undefined);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
