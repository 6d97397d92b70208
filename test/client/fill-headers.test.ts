/**
 * fillHeaders reads the operation's header parameters (spec data): what it fills, what it leaves to the
 * signer, and what it reports missing, on the real operations and on copies whose spec was changed.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { createExternalIds, type FillValues, fillHeaders } from "../../src/client/index.js";
import type { Operation, SpecBundle } from "../../src/model/operation.js";

let bundle: SpecBundle;
beforeAll(async () => {
  bundle = await loadSpecBundle();
});
const op = (id: string): Operation => {
  const found = bundle.operations.find((o) => o.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};
const values = (extra: Partial<FillValues> = {}): FillValues => ({
  clientId: "BRN-0001-0000000000001",
  externalId: () => "12345678901234567890",
  requestId: () => "req-1",
  ...extra,
});

describe("fillHeaders", () => {
  it("SNAP: X-PARTNER-ID = client id, a numeric X-EXTERNAL-ID, CHANNEL-ID from its one-value enum, Content-Type", () => {
    const { headers, generated, missing } = fillHeaders(op("snapCreateVa"), {}, true, values());
    expect(headers).toEqual({
      "Content-Type": "application/json",
      "X-PARTNER-ID": "BRN-0001-0000000000001",
      "X-EXTERNAL-ID": "12345678901234567890",
      "CHANNEL-ID": "H2H",
    });
    expect(generated).toEqual(["X-EXTERNAL-ID"]);
    expect(missing).toEqual([]); // X-TIMESTAMP, X-SIGNATURE, Authorization are the signer's
  });

  it("keeps what the caller gave, matching names case-insensitively", () => {
    const given = { "x-external-id": "999", "channel-id": "VA004" };
    const { headers } = fillHeaders(op("snapCreateVa"), given, true, values());
    expect(headers["x-external-id"]).toBe("999");
    expect(headers["channel-id"]).toBe("VA004");
    expect(headers["X-EXTERNAL-ID"]).toBeUndefined();
  });

  it("non-SNAP: Client-Id and a Request-Id; no Content-Type without a body", () => {
    const { headers } = fillHeaders(op("orderStatus"), {}, false, values());
    expect(headers).toEqual({ "Client-Id": "BRN-0001-0000000000001", "Request-Id": "req-1" });
  });

  it("DANA: X-DEVICE-ID and X-IP-ADDRESS from the client options where the operation declares them", () => {
    const dana = fillHeaders(
      op("danaPayment"),
      {},
      true,
      values({ deviceId: "95221", ipAddress: "192.0.2.10" }),
    );
    expect(dana.headers).toMatchObject({ "X-DEVICE-ID": "95221", "X-IP-ADDRESS": "192.0.2.10" });
    expect(dana.headers["CHANNEL-ID"]).toBeUndefined(); // DANA's embed declares no CHANNEL-ID
    const va = fillHeaders(op("snapCreateVa"), {}, true, values({ deviceId: "95221" }));
    expect(va.headers["X-DEVICE-ID"]).toBeUndefined(); // not declared for VA
  });

  it("requiredness comes from the spec: a required header no one can fill is reported, naming the option", () => {
    const dana = op("danaPayment");
    const schema = dana.request.headers?.schema ?? {};
    const required = [...((schema.required as string[]) ?? []), "X-DEVICE-ID"];
    const stricter: Operation = {
      ...dana,
      request: { ...dana.request, headers: { key: "x", schema: { ...schema, required } } },
    };
    expect(fillHeaders(dana, {}, true, values()).missing).toEqual([]);
    const { missing } = fillHeaders(stricter, {}, true, values());
    expect(missing).toMatchObject([{ pointer: "/headers/X-DEVICE-ID", rule: "required", severity: "error" }]);
    expect(missing[0]?.message).toContain("set deviceId in the client options");
    expect(fillHeaders(stricter, {}, true, values({ deviceId: "95221" })).missing).toEqual([]);
  });
});

describe("createExternalIds", () => {
  it("digits only, inside the spec's ^[0-9]{1,36}$, unique over 20 000 calls in the same millisecond", () => {
    const next = createExternalIds(() => 1_700_000_000_000);
    const ids = Array.from({ length: 20_000 }, next);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9]{20}$/);
    // The 4-digit counter wraps after 10 000 within one millisecond; a real clock moves on long before.
    expect(new Set(ids.slice(0, 10_000)).size).toBe(10_000);
  });

  it("property: ids from a moving clock never repeat and always match the spec pattern", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 200 }), (steps) => {
        let t = Date.UTC(2024, 2, 26);
        const next = createExternalIds(() => t);
        const ids = steps.map((step) => {
          t += step;
          return next();
        });
        return new Set(ids).size === ids.length && ids.every((id) => /^[0-9]{1,36}$/.test(id));
      }),
    );
  });
});
