/**
 * A signed header delivered twice with different values fails verification, whether it arrives as a list
 * or as two keys differing in case; the same value twice, or once, still verifies.
 */
import { describe, expect, it } from "vitest";
import {
  formatSnapTimestamp,
  type ReceivedRequest,
  SCHEMES,
  type SignatureAuth,
  signRequest,
  verifyRequest,
} from "../../src/signatures/index.js";
import {
  ALL_AUTHS,
  credentialsFor,
  inputFor,
  NONSNAP_BODY,
  rsaPair,
  SNAP_BODY,
  TOKEN,
} from "../signatures/fixtures.js";

const keys = rsaPair(2048);
const NOW = Date.UTC(2024, 2, 26, 9, 1, 41);

function signed(auth: SignatureAuth): ReceivedRequest {
  const ts = auth === "nonsnap-hmac" ? "2024-03-26T09:01:41Z" : formatSnapTimestamp(NOW);
  const body = auth === "nonsnap-hmac" ? NONSNAP_BODY : SNAP_BODY;
  const s = signRequest(inputFor(auth, keys, body, ts));
  return { method: s.method, path: s.path, headers: s.headers, body: s.body };
}

const verify = (auth: SignatureAuth, request: ReceivedRequest) =>
  verifyRequest(request, { auth, credentials: credentialsFor(keys).verifier, accessToken: TOKEN, now: NOW });

/** [auth, header name] for every header each scheme's verifier reads. */
const READ = ALL_AUTHS.flatMap((auth) =>
  SCHEMES[auth].reads.map((role) => [auth, SCHEMES[auth].headers[role] as string] as const),
);

function withValue(headers: ReceivedRequest["headers"], name: string) {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase()) as string;
  return { key, value: headers[key] as string };
}

describe("duplicate signed headers", () => {
  it.each(READ)("%s: %s as a list of two different values fails", (auth, name) => {
    const request = signed(auth);
    expect(verify(auth, request)).toEqual({ ok: true });
    const { key, value } = withValue(request.headers, name);
    const twice = { ...request, headers: { ...request.headers, [key]: [value, `${value}x`] } };
    const reversed = { ...request, headers: { ...request.headers, [key]: [`${value}x`, value] } };
    for (const r of [twice, reversed]) {
      const verdict = verify(auth, r);
      expect(verdict.ok).toBe(false);
      expect(verdict).toMatchObject({ header: name, reason: expect.stringMatching(/2 times/) });
    }
  });

  it.each(READ)("%s: %s under a second key of another case fails", (auth, name) => {
    const request = signed(auth);
    const { key, value } = withValue(request.headers, name);
    const other = key === key.toLowerCase() ? key.toUpperCase() : key.toLowerCase();
    const headers = { ...request.headers, [other]: `${value}x` };
    expect(verify(auth, { ...request, headers }).ok).toBe(false);
  });

  it.each(READ)("%s: %s repeated with the same value still verifies", (auth, name) => {
    const request = signed(auth);
    const { key, value } = withValue(request.headers, name);
    expect(verify(auth, { ...request, headers: { ...request.headers, [key]: [value, value] } })).toEqual({
      ok: true,
    });
  });
});
