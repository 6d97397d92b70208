/**
 * Type-level test, checked by `npm run typecheck` (tsc includes test/), not run by vitest: Unsigned<paths>
 * drops exactly the signature headers from what callers must pass; every @ts-expect-error must stay used.
 */
import type { Client } from "openapi-fetch";
import type { paths } from "../../generated/types.js";
import type { Prefilled, Unsigned } from "../../src/client/index.js";

const header = {
  "X-PARTNER-ID": "x",
  "X-EXTERNAL-ID": "1",
  "CHANNEL-ID": "H2H",
  "Content-Type": "application/json",
} as const;
const CREATE_VA = "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va";

export function unsignedTypeChecks(raw: Client<paths>, relaxed: Client<Unsigned<paths>>): void {
  // @ts-expect-error the raw generated types demand X-SIGNATURE, X-TIMESTAMP and Authorization
  void raw.POST(CREATE_VA, { params: { header }, body: {} as never });
  void relaxed.POST(CREATE_VA, { params: { header }, body: {} as never });
  const { "X-PARTNER-ID": _partner, ...withoutPartner } = header;
  // @ts-expect-error X-PARTNER-ID is not a signature header and stays required
  void relaxed.POST(CREATE_VA, { params: { header: withoutPartner }, body: {} as never });
  // @ts-expect-error the raw types demand Client-Id, Request-Id, Request-Timestamp and Signature
  void raw.GET("/orders/v1/status/{invoiceNumber}", { params: { path: { invoiceNumber: "x" } } });
  void relaxed.GET("/orders/v1/status/{invoiceNumber}", { params: { path: { invoiceNumber: "x" } } });
}

/** Prefilled<paths>: the headers the client fills are optional too; bodies stay exactly typed. */
export function prefilledTypeChecks(client: Client<Prefilled<paths>>): void {
  const body = {
    partnerServiceId: "  088899",
    customerNo: "1",
    virtualAccountNo: "  0888991",
    virtualAccountName: "Jokul Doe",
    trxId: "t-1",
    virtualAccountTrxType: "C",
  } as const;
  void client.POST(CREATE_VA, { body });
  void client.POST(CREATE_VA, {
    body: {
      partnerServiceId: "  088899",
      customerNo: "1",
      virtualAccountNo: "  0888991",
      // @ts-expect-error a misspelled body field is a type error
      virtualAccountNmae: "Jokul Doe",
      trxId: "t-1",
      virtualAccountTrxType: "C",
    },
  });
  const { trxId: _trx, ...withoutTrxId } = body;
  // @ts-expect-error a required body field cannot be left out
  void client.POST(CREATE_VA, { body: withoutTrxId });
  // @ts-expect-error Authorization-Customer cannot be filled by the client and stays required
  void client.POST("/direct-debit/core/v1/balance-inquiry", { body: {} });
  void client.POST("/direct-debit/core/v1/balance-inquiry", {
    params: { header: { "Authorization-Customer": "Bearer b2b2c" } },
    body: {},
  });
  void client.GET("/orders/v1/status/{invoiceNumber}", { params: { path: { invoiceNumber: "x" } } });
}
