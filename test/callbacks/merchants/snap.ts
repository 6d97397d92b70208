/**
 * A configurable SNAP merchant for the certification tests: a token endpoint (POST /token, RSA-verified with
 * the DOKU-role public key) and a callback endpoint verified with the kit's verifier under one callback
 * mode. Correct by default; one flaw per switch. GET /ledger?key=<X-EXTERNAL-ID> -> {"processed": n}.
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { FlowName } from "../../../src/callbacks/flows.js";
import { verifyRequest } from "../../../src/signatures/request-verifier.js";
import { verifyMerchantTokenRequest } from "../../../src/signatures/token-handshake.js";
import type { CallbackAuthMode } from "../../../src/signatures/types.js";
import { CLIENT_ID, dokuPair, SECRET_KEY } from "../helpers.js";

export interface SnapFlaws {
  skipVerification?: boolean;
  reserialise?: boolean;
  acceptStale?: boolean;
  /** The token endpoint issues a token without checking the signature. */
  tokenAnySignature?: boolean;
  /** The token endpoint answers 200 without an accessToken. */
  tokenWithoutToken?: boolean;
  /** Payment notification acknowledged with 2002400 (the inquiry's service code). */
  wrongResponseCode?: boolean;
  /** Payment notification acknowledged with 2002700 (DOKU's SDKs; a documented conflict: warning). */
  sdkAckCode?: boolean;
  /** Refusals answered 401 with 4010000 instead of the documented 401 + service code + case. */
  wrongRefusalCode?: boolean;
  /** Inquiry: virtualAccountName of 300 characters. */
  longName?: boolean;
  /** Notifications: no X-EXTERNAL-ID de-duplication; a second payment of a trxId is answered 404 4042514. */
  doubleProcess?: boolean;
}

const SERVICE: Partial<Record<FlowName, string>> = { "snap-va-inquiry": "24", "snap-va-payment": "25" };

/** Known bill: partnerServiceId "98827340" + customerNo "000000000000001" (23 digits, within BNI's limit). */
export const KNOWN_BILL = { partnerServiceId: "98827340", customerNo: "000000000000001" };

export function snapMerchant(
  flow: FlowName,
  mode: CallbackAuthMode,
  flaws: SnapFlaws = {},
): { server: Server; ledger: Map<string, number> } {
  const tokens = new Set<string>();
  const ledger = new Map<string, number>();
  const paid = new Set<string>();
  const svc = SERVICE[flow] ?? "00";
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body = Buffer.concat(chunks);
    const send = (status: number, json: unknown) =>
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(json));
    if (req.method === "GET" && req.url?.startsWith("/ledger")) {
      const key = new URL(req.url, "http://x").searchParams.get("key") ?? "";
      send(200, { processed: ledger.get(key) ?? 0 });
      return;
    }
    const received = { method: req.method ?? "POST", path: req.url ?? "/", headers: req.headers, body };
    const window = flaws.acceptStale ? { maxSkewMs: null } : {};
    if (req.url === "/token") {
      const verdict = verifyMerchantTokenRequest(received, {
        clientId: CLIENT_ID,
        dokuPublicKey: dokuPair().publicKey,
        ...window,
      });
      if (!verdict.ok && !flaws.tokenAnySignature) {
        send(401, { responseCode: "4017300", responseMessage: "Unauthorized. Invalid Signature" });
        return;
      }
      const token = randomUUID();
      tokens.add(token);
      send(200, {
        responseCode: "2007300",
        responseMessage: "Successful",
        ...(flaws.tokenWithoutToken ? {} : { accessToken: token }),
        tokenType: "Bearer",
        expiresIn: 900,
      });
      return;
    }
    if (flaws.reserialise) body = Buffer.from(JSON.stringify(JSON.parse(body.toString("utf8"))));
    const verdict = verifyRequest(
      { ...received, body },
      {
        auth: mode,
        credentials: { secretKey: SECRET_KEY, publicKey: dokuPair().publicKey },
        accessToken: (t) => tokens.has(t),
        ...window,
      },
    );
    if (!verdict.ok && !flaws.skipVerification) {
      const code = flaws.wrongRefusalCode ? "4010000" : `401${svc}01`;
      send(401, { responseCode: code, responseMessage: `Unauthorized. ${verdict.reason}` });
      return;
    }
    const json = JSON.parse(body.toString("utf8")) as Record<string, string | undefined>;
    const externalId = String(req.headers["x-external-id"] ?? "");
    if (flow === "snap-va-inquiry") {
      const known =
        json.partnerServiceId === KNOWN_BILL.partnerServiceId && json.customerNo === KNOWN_BILL.customerNo;
      if (!known) {
        send(404, { responseCode: "4042412", responseMessage: "Bill not found" });
        return;
      }
      send(200, {
        responseCode: "2002400",
        responseMessage: "Successful",
        virtualAccountData: {
          partnerServiceId: json.partnerServiceId,
          customerNo: json.customerNo,
          virtualAccountNo: `${json.partnerServiceId}${json.customerNo}`,
          virtualAccountName: flaws.longName ? "N".repeat(300) : "Toru Yamashita",
          totalAmount: { value: "11500.00", currency: "IDR" },
          virtualAccountTrxType: "C",
          inquiryStatus: "00",
          inquiryRequestId: json.inquiryRequestId,
        },
      });
      return;
    }
    const reference = String(json.trxId ?? json.originalPartnerReferenceNo ?? "");
    const redelivery = ledger.has(externalId) && !flaws.doubleProcess;
    if (!redelivery) {
      if (flaws.doubleProcess && paid.has(reference)) {
        send(404, { responseCode: `404${svc}14`, responseMessage: "Paid Bill" });
        return;
      }
      paid.add(reference);
      ledger.set(externalId, (ledger.get(externalId) ?? 0) + 1);
    }
    if (flow === "dana-payment") {
      send(200, { responseCode: "2005600", responseMessage: "Successful" });
      return;
    }
    const code = flaws.wrongResponseCode ? "2002400" : flaws.sdkAckCode ? "2002700" : "2002500";
    send(200, { responseCode: code, responseMessage: "Success" });
  });
  return { server, ledger };
}
