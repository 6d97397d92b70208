/** Pure parts of the simulator: the endpoint table, the admin routes' origin guard, the check summary. */
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/model/errors.js";
import type { Violation } from "../../src/model/violation.js";
import { isLoopback, originRefusal } from "../../src/simulator/admin.js";
import { toChecks } from "../../src/simulator/delivery.js";
import { endpointsOf, parseUrlTable } from "../../src/simulator/endpoints.js";
import { familyMockOptions } from "../../src/simulator/families/index.js";
import { notificationFlow } from "../../src/simulator/simulator.js";

const families = ["snap-va", "non-snap-va"];

describe("[family=]<url> tables", () => {
  it("a family's own URL wins over the catch-all; a flow's token URL over its family's", () => {
    const notify = parseUrlTable("--notify-url", ["http://a/n", "snap-va=http://b/s"], families);
    const token = parseUrlTable(
      "--token-url",
      ["snap-va=http://b/t", "snap-va-inquiry=http://c/t"],
      [...families, "snap-va-inquiry"],
    );
    const e = endpointsOf(notify, {}, token);
    expect(e.notifyUrl("snap-va")).toBe("http://b/s");
    expect(e.notifyUrl("non-snap-va")).toBe("http://a/n");
    expect(e.inquiryUrl("snap-va")).toBeUndefined();
    expect(e.tokenUrl("snap-va", "snap-va-payment")).toBe("http://b/t");
    expect(e.tokenUrl("snap-va", "snap-va-inquiry")).toBe("http://c/t");
  });

  it.each([
    [["widget=http://a/"], /unknown family or flow "widget"/],
    [["snap-va=not a url"], /not a URL/],
    [["ftp://a/"], /only http and https/],
    [["http://a/", "http://b/"], /two URLs for every family/],
  ])("%j is a UsageError", (values, message) => {
    expect(() => parseUrlTable("--notify-url", values, families)).toThrow(UsageError);
    expect(() => parseUrlTable("--notify-url", values, families)).toThrow(message);
  });
});

describe("the admin origin guard", () => {
  const bound = { host: "127.0.0.1", port: 4010 };
  it.each<[string, Record<string, string>, string, RegExp | undefined]>([
    [
      "a same-origin page POST",
      { host: "127.0.0.1:4010", origin: "http://127.0.0.1:4010" },
      "POST",
      undefined,
    ],
    ["the CLI (no Origin)", { host: "127.0.0.1:4010" }, "POST", undefined],
    ["localhost", { host: "localhost:4010", origin: "http://localhost:4010" }, "POST", undefined],
    [
      "a foreign Host (DNS rebinding)",
      { host: "evil.example:4010" },
      "GET",
      /Host evil.example:4010 is not this mock/,
    ],
    ["another port", { host: "127.0.0.1:4011" }, "GET", /is not this mock/],
    ["a cross-origin POST", { host: "127.0.0.1:4010", origin: "http://evil.example" }, "POST", /Origin/],
    ["an https origin", { host: "127.0.0.1:4010", origin: "https://127.0.0.1:4010" }, "POST", /Origin/],
    ["a cross-site fetch", { host: "127.0.0.1:4010", "sec-fetch-site": "cross-site" }, "POST", /cross-site/],
    [
      "a cross-origin GET (reads are same-origin-policy protected)",
      { host: "127.0.0.1:4010", origin: "http://evil.example" },
      "GET",
      undefined,
    ],
  ])("%s", (_name, headers, method, refusal) => {
    const found = originRefusal({ headers, method }, bound);
    if (refusal === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(refusal);
  });

  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.10", false],
  ])("isLoopback(%s) is %s", (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });
});

describe("Delivery.checks", () => {
  it("one entry per applied check; warnings are named but do not fail it", () => {
    const v = (check: string, severity: "error" | "warning" = "error"): Violation => ({
      operationId: "x",
      direction: "response" as const,
      check,
      pointer: "",
      rule: "r",
      expected: 1,
      actual: 2,
      message: `${check} broke`,
      source: "test",
      severity,
    });
    expect(toChecks(["a", "b", "c"], [v("b"), v("c", "warning")])).toEqual([
      { name: "a", ok: true },
      { name: "b", ok: false, message: "b broke" },
      { name: "c", ok: true, message: "warning: c broke" },
    ]);
  });
});

describe("direct debit: a channel's own notification flow and URL", () => {
  const declaration = {
    family: "direct-debit",
    kind: "payment",
    notification: "direct-debit-payment",
    notificationBy: { pointer: "/additionalInfo/channel", flows: { EMONEY_DANA_SNAP: "dana-payment" } },
    retryAfterSeconds: [1800],
  };
  const payable = (channel: unknown) =>
    ({
      created: (pointer: string) => (pointer === "/additionalInfo/channel" ? channel : undefined),
    }) as never;

  it("the channel picks its flow; any other channel (or none) gets the family's", () => {
    expect(notificationFlow(declaration, payable("EMONEY_DANA_SNAP"))).toBe("dana-payment");
    expect(notificationFlow(declaration, payable("EMONEY_OVO_SNAP"))).toBe("direct-debit-payment");
    expect(notificationFlow(declaration, payable(undefined))).toBe("direct-debit-payment");
    const { notificationBy: _, ...plain } = declaration;
    expect(notificationFlow(plain, payable("EMONEY_DANA_SNAP"))).toBe("direct-debit-payment");
  });

  it("a flow's Notification URL wins over its family's; the family holds payments only with a URL", () => {
    const notify = parseUrlTable(
      "--notify-url",
      ["direct-debit=http://a/n", "dana-payment=http://b/d"],
      ["direct-debit", "dana-payment"],
    );
    const e = endpointsOf(notify, {}, {});
    expect(e.notifyUrl("direct-debit", "dana-payment")).toBe("http://b/d");
    expect(e.notifyUrl("direct-debit", "direct-debit-payment")).toBe("http://a/n");
    const ops = [{ simulate: declaration }] as never;
    expect(familyMockOptions(ops, e)).toEqual({ debitPaymentsPending: true });
    expect(familyMockOptions(ops, endpointsOf({}, {}, {}))).toEqual({});
    const onlyDana = endpointsOf({ "dana-payment": "http://b/d" }, {}, {});
    expect(familyMockOptions(ops, onlyDana)).toEqual({ debitPaymentsPending: true });
    expect(familyMockOptions(ops, endpointsOf({ "snap-va": "http://c/" }, {}, {}))).toEqual({});
  });
});
