/** Every mutator, applied to a valid input of every scheme it declares, makes verification fail — for its reason. */
import { describe, expect, it } from "vitest";
import {
  findMutator,
  formatNonSnapTimestamp,
  formatSnapTimestamp,
  minifyJson,
  mutators,
  mutatorsFor,
  type SignatureAuth,
  signRequest,
  type VerifyOptions,
  type VerifyRule,
  verifyRequest,
} from "../../src/signatures/index.js";
import { reserialiseBody, tamperBody } from "../../src/signatures/mutations.js";
import { ALL_AUTHS, credentialsFor, inputFor, NONSNAP_BODY, rsaPair, SNAP_BODY, TOKEN } from "./fixtures.js";

const keys = rsaPair(2048);
const NOW = Date.UTC(2024, 2, 26, 9, 1, 41);

const EXPECTED_RULE: Record<string, VerifyRule> = {
  "tampered-body": "signature-mismatch",
  "reserialised-body": "signature-mismatch",
  "tampered-header": "signature-mismatch",
  "wrong-secret": "signature-mismatch",
  "wrong-key": "signature-mismatch",
  "hex-instead-of-base64": "signature-mismatch",
  "case-folded-signature": "signature-mismatch",
  "sha256-instead-of-sha512": "signature-mismatch",
  "stale-timestamp": "timestamp-window",
  "future-timestamp": "timestamp-window",
  "wrong-path": "signature-mismatch",
  "wrong-method": "signature-mismatch",
  "missing-signature-header": "signature-missing",
  "missing-timestamp-header": "timestamp-missing",
  "missing-client-id-header": "client-id-missing",
  "foreign-client-id": "client-id-mismatch",
  "missing-token": "token-missing",
  "foreign-token": "token-unknown",
};

const BODIES: Record<string, string> = {
  compact: SNAP_BODY,
  pretty: JSON.stringify(JSON.parse(SNAP_BODY), null, 2),
  "one key": '{"grantType":"client_credentials"}',
  "non-SNAP sample": NONSNAP_BODY,
  empty: "",
};

function options(auth: SignatureAuth): VerifyOptions {
  return { auth, credentials: credentialsFor(keys).verifier, accessToken: TOKEN, now: NOW };
}

const timestamp = (auth: SignatureAuth) =>
  auth === "nonsnap-hmac" ? formatNonSnapTimestamp(NOW) : formatSnapTimestamp(NOW);

describe("mutators", () => {
  it("have unique kebab-case names, a description, and an expected rule here", () => {
    const names = mutators.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const m of mutators) {
      expect(m.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.description.length).toBeGreaterThan(10);
      expect(EXPECTED_RULE[m.name], m.name).toBeDefined();
      expect(findMutator(m.name)).toBe(m);
    }
    expect(Object.keys(EXPECTED_RULE).sort()).toEqual([...names].sort());
  });

  it("every scheme has mutators; bearer-only only token ones", () => {
    for (const auth of ALL_AUTHS) expect(mutatorsFor(auth).length, auth).toBeGreaterThan(0);
    expect(mutatorsFor("bearer-only").map((m) => m.name)).toEqual(["missing-token", "foreign-token"]);
    expect(mutatorsFor("snap-asymmetric-token").some((m) => m.name === "tampered-body")).toBe(false);
    expect(mutatorsFor("nonsnap-hmac").some((m) => m.name === "wrong-method")).toBe(false);
  });

  const cases = ALL_AUTHS.flatMap((auth) =>
    mutatorsFor(auth).flatMap((m) =>
      Object.entries(BODIES).map(([bodyName, body]) => [auth, m.name, bodyName, body] as const),
    ),
  );

  it.each(cases)("%s / %s / %s body: fails with the expected rule", (auth, name, _bodyName, body) => {
    const input = inputFor(auth, keys, body, timestamp(auth));
    const valid = signRequest(input);
    expect(verifyRequest(valid, options(auth)), "the unmutated request must verify").toEqual({ ok: true });
    const mutated = findMutator(name)!.apply(input, signRequest);
    const result = verifyRequest(mutated, options(auth));
    expect(result).toMatchObject({ ok: false, rule: EXPECTED_RULE[name] });
  });

  it("mutators without a fixed timestamp pin the clock once (stale stays stale relative to signing)", () => {
    const { timestamp: _t, ...input } = inputFor("snap-symmetric", keys, SNAP_BODY, "x");
    const stale = findMutator("stale-timestamp")!.apply(input, signRequest);
    expect(verifyRequest(stale, { ...options("snap-symmetric"), now: Date.now() })).toMatchObject({
      rule: "timestamp-window",
    });
  });
});

describe("body rewrites", () => {
  it.each(Object.entries(BODIES))("reserialiseBody changes the SNAP-minified bytes (%s)", (_name, body) => {
    expect(minifyJson(reserialiseBody(body))).not.toBe(minifyJson(body));
    expect(minifyJson(tamperBody(body))).not.toBe(minifyJson(body));
  });

  it("reserialiseBody keeps the JSON value when there is one", () => {
    for (const body of [SNAP_BODY, NONSNAP_BODY, '{"a":"b"}', '["x"]']) {
      expect(JSON.parse(reserialiseBody(body))).toEqual(JSON.parse(body));
    }
  });
});
