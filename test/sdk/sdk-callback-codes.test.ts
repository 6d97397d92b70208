/**
 * The 401 answer DOKU's SDKs give a VA payment notification with a token the merchant did not issue (4012701,
 * the Node SDK's as a JSON number) is a warning naming the recorded conflict notification-invalid-token-code,
 * not an error; 4010000 (the SDK README's inquiry answer, a warning on the inquiry) and a 401 code no source
 * quotes stay errors on the notification.
 */
import { describe, expect, it } from "vitest";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { responseCode } from "../../src/checks/response-code.js";
import type { Exchange } from "../../src/model/case.js";

const bundle = await loadSpecBundle();
const notification = bundle.operations.find((o) => o.id === "snapVaPaymentNotification");
if (notification === undefined) throw new Error("snapVaPaymentNotification missing");

const answer = (json: unknown) =>
  ({
    case: { operationId: notification.id },
    response: { status: 401, json, headers: {} },
  }) as unknown as Exchange;

describe("SDK 401 answers on the VA payment notification", () => {
  it.each([
    ["4012701 as a JSON number (Node SDK)", 4012701],
    ["4012701 as a string (Python, Go, Java)", "4012701"],
  ])("%s is a warning naming notification-invalid-token-code", (_name, code) => {
    const found = responseCode({ operation: notification } as never, answer({ responseCode: code }));
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe("warning");
    expect(found[0]?.conflict?.id).toBe("notification-invalid-token-code");
  });

  it("the SNAP-structured 4012501 passes; an unquoted 4019900 stays an error", () => {
    expect(responseCode({ operation: notification } as never, answer({ responseCode: "4012501" }))).toEqual(
      [],
    );
    const found = responseCode({ operation: notification } as never, answer({ responseCode: "4019900" }));
    expect(found.map((v) => v.severity)).toEqual(["error"]);
  });
});
