/** The scheme table: exhaustive, and every entry's sign, verify, header names and mutators agree. */
import { describe, expect, it } from "vitest";
import type { AuthScheme } from "../../src/model/operation.js";
import {
  AUTH_SCHEMES,
  answerFor,
  CALLBACK_AUTH_MODES,
  type CallbackAuthMode,
  callbackScheme,
  findMutator,
  headersOfRole,
  headerValue,
  mutatorsFor,
  optionalTokenMutators,
  parseTimestamp,
  SCHEMES,
  SIGNER_HEADERS,
  type SignatureAuth,
  signRequest,
  type VerifyOptions,
  type VerifyRule,
  verifyRequest,
  withoutHeaders,
} from "../../src/signatures/index.js";
import { credentialsFor, inputFor, NONSNAP_BODY, rsaPair, SNAP_BODY, TOKEN } from "./fixtures.js";

const keys = rsaPair(2048);
const NOW = Date.UTC(2024, 2, 26, 9, 1, 41);

// Records keyed by the unions: the compiler fails here when a scheme or mode is added without a test entry.
const OPERATION_SCHEMES: Record<AuthScheme, true> = {
  "snap-asymmetric-token": true,
  "snap-symmetric": true,
  "nonsnap-hmac": true,
};
const CALLBACK_MODES: Record<CallbackAuthMode, true> = {
  "snap-hmac": true,
  "snap-rsa": true,
  "bearer-only": true,
};
const ALL = [...Object.keys(OPERATION_SCHEMES), ...Object.keys(CALLBACK_MODES)] as SignatureAuth[];

const RULES: readonly VerifyRule[] = [
  "signature-missing",
  "signature-mismatch",
  "timestamp-missing",
  "timestamp-format",
  "timestamp-window",
  "token-missing",
  "token-unknown",
  "client-id-missing",
  "client-id-mismatch",
  "request-id-missing",
  "request-id-mismatch",
];

function options(auth: SignatureAuth): VerifyOptions {
  return { auth, credentials: credentialsFor(keys).verifier, accessToken: TOKEN, now: NOW };
}

function signed(auth: SignatureAuth) {
  const body = SCHEMES[auth].family === "snap" ? SNAP_BODY : NONSNAP_BODY;
  const input = inputFor(auth, keys, body, SCHEMES[auth].timestamp(NOW));
  return { input, request: signRequest(input) };
}

describe("the scheme table", () => {
  it("has exactly one entry per x-doku-auth value and --callback-auth mode, under its own name", () => {
    expect(Object.keys(SCHEMES).sort()).toEqual([...ALL].sort());
    for (const [name, scheme] of Object.entries(SCHEMES)) expect(scheme.name).toBe(name);
    expect([...AUTH_SCHEMES].sort()).toEqual(Object.keys(OPERATION_SCHEMES).sort());
    for (const auth of ALL) {
      expect(SCHEMES[auth].use, auth).toBe(auth in OPERATION_SCHEMES ? "operation" : "callback");
    }
    expect(Object.keys(CALLBACK_AUTH_MODES).sort()).toEqual(Object.keys(CALLBACK_MODES).sort());
  });

  it("names only known mutators, and mutatorsFor follows the table", () => {
    for (const auth of ALL) {
      for (const name of SCHEMES[auth].mutators) expect(findMutator(name), `${auth}: ${name}`).toBeDefined();
      expect(
        mutatorsFor(auth)
          .map((m) => m.name)
          .sort(),
      ).toEqual([...SCHEMES[auth].mutators].sort());
    }
  });

  it("gives every operation scheme DOKU's answer to every failed rule; callback modes have none", () => {
    for (const auth of ALL) {
      const faults = SCHEMES[auth].faults;
      if (SCHEMES[auth].use === "callback") expect(faults, auth).toBeUndefined();
      else
        for (const rule of RULES)
          expect(answerFor(faults!, rule).code, `${auth} ${rule}`).toMatch(/^[a-z_]+$/);
    }
  });

  it("every --callback-auth mode of a family names the same partner and request-id headers", () => {
    const modes = Object.keys(CALLBACK_MODES) as CallbackAuthMode[];
    for (const family of ["snap", "non-snap"] as const) {
      const heads = modes.map((m) => callbackScheme(family, m).headers);
      for (const h of heads)
        expect([h.partnerId, h.requestId]).toEqual([heads[0]?.partnerId, heads[0]?.requestId]);
    }
    expect(callbackScheme("non-snap", "snap-rsa").name).toBe("nonsnap-hmac");
  });

  it("lists the client-identifying and the caller-set headers across schemes", () => {
    expect(headersOfRole("partnerId", "clientId").sort()).toEqual([
      "client-id",
      "x-client-key",
      "x-partner-id",
    ]);
    expect(headersOfRole("partnerId", "requestId").sort()).toEqual([
      "client-id",
      "request-id",
      "x-external-id",
      "x-partner-id",
    ]);
  });

  it("lists the headers only a signer writes (never filled from a callback's schema)", () => {
    expect([...SIGNER_HEADERS].sort()).toEqual(
      [
        "Authorization",
        "Request-Timestamp",
        "Signature",
        "X-CLIENT-KEY",
        "X-SIGNATURE",
        "X-TIMESTAMP",
      ].sort(),
    );
  });
});

describe.each(ALL)("%s", (auth) => {
  const scheme = SCHEMES[auth];

  it("sign then verify round-trips, with the scheme's timestamp format", () => {
    const { request } = signed(auth);
    expect(verifyRequest(request, options(auth))).toEqual({ ok: true });
    const written = headerValue(request.headers, scheme.headers.timestamp) ?? "";
    expect(parseTimestamp(written)).toBeDefined();
    expect(written).toBe(scheme.timestamp(NOW));
  });

  it("writes only headers its table names", () => {
    const { input, request } = signed(auth);
    const given = new Set(Object.keys(input.headers ?? {}).map((h) => h.toLowerCase()));
    const named = new Set(Object.values(scheme.headers).map((h) => h.toLowerCase()));
    for (const name of Object.keys(request.headers)) {
      if (!given.has(name.toLowerCase())) expect(named.has(name.toLowerCase()), name).toBe(true);
    }
  });

  it("the verifier reads the header its table names for each role in `reads`", () => {
    const { request } = signed(auth);
    for (const role of scheme.reads) {
      const name = scheme.headers[role];
      expect(name, role).toBeDefined();
      const without = { ...request, headers: withoutHeaders(request.headers, [name!]) };
      expect(verifyRequest(without, options(auth)), `${role} ${name}`).toMatchObject({
        ok: false,
        header: name,
      });
    }
  });

  it("every mutator it lists breaks verification", () => {
    const { input } = signed(auth);
    for (const mutator of [...mutatorsFor(auth), ...optionalTokenMutators(auth)]) {
      const mutated = mutator.apply(input, signRequest);
      expect(verifyRequest(mutated, options(auth)).ok, mutator.name).toBe(false);
    }
  });
});
