/**
 * A configurable non-SNAP merchant for the certification tests: correct by default (verifies over the raw
 * body with the kit's verifier, de-duplicates on Request-Id, signs its inquiry answers), with one flaw per
 * switch. Also serves the --ledger-url hook: GET /ledger?key=<Request-Id> -> {"processed": n}.
 */
import { createServer, type Server } from "node:http";
import { nonSnapSignature } from "../../../src/signatures/nonsnap.js";
import { signNonSnapResponse } from "../../../src/signatures/nonsnap-response.js";
import { verifyRequest } from "../../../src/signatures/request-verifier.js";
import { CLIENT_ID, SECRET_KEY } from "../helpers.js";

export interface NonSnapFlaws {
  /** Accepts every request without checking the signature. */
  skipVerification?: boolean;
  /** Hashes JSON.stringify(JSON.parse(body)) instead of the bytes received. */
  reserialise?: boolean;
  /** Hashes the body re-serialised with sorted keys (a "canonicalising" receiver). */
  sortKeys?: boolean;
  /** No timestamp window. */
  acceptStale?: boolean;
  /** Notifications: no Request-Id de-duplication; a second payment of an invoice is answered 409. */
  doubleProcess?: boolean;
  /** Notifications: no de-duplication, credits again, answers 200 both times (only the ledger sees it). */
  silentDouble?: boolean;
  /** Notifications: applies the payment first, verifies after (refuses forged ones, too late). */
  processThenVerify?: boolean;
  /** Inquiry: customer.name of 70 characters. */
  longName?: boolean;
  /** Inquiry: billing_not_found answered with HTTP 200. */
  wrongStatus?: boolean;
  /** Inquiry: no Signature on the answer. */
  unsignedAnswer?: boolean;
  /** Inquiry: the answer signed with the Request-Timestamp label instead of Response-Timestamp. */
  wrongAnswerSignature?: boolean;
  /** Inquiry: knows no bill (every payment code is billing_not_found). */
  noBills?: boolean;
  /** Never answers. */
  hang?: boolean;
}

export interface NonSnapMerchant {
  server: Server;
  /** Times each Request-Id was applied. */
  ledger: Map<string, number>;
}

const KNOWN_VA = "7889940000000001";

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries.map(([k, v]) => [k, sorted(v)]));
}

function inquiryAnswer(va: string, flaws: NonSnapFlaws) {
  const known = va === KNOWN_VA && !flaws.noBills;
  return {
    order: { invoice_number: known ? "MINV20201231468" : "", amount: known ? 150000 : 0 },
    virtual_account_info: { virtual_account_number: va },
    virtual_account_inquiry: { status: known && !flaws.wrongStatus ? "success" : "billing_not_found" },
    customer: { name: flaws.longName ? "N".repeat(70) : known ? "Taufik Ismail" : "" },
  };
}

export function nonSnapMerchant(kind: "inquiry" | "notification", flaws: NonSnapFlaws = {}): NonSnapMerchant {
  const ledger = new Map<string, number>();
  const paid = new Set<string>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body = Buffer.concat(chunks);
    if (flaws.hang) return;
    if (req.method === "GET" && req.url?.startsWith("/ledger")) {
      const key = new URL(req.url, "http://x").searchParams.get("key") ?? "";
      res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify({ processed: ledger.get(key) ?? 0 }));
      return;
    }
    if (flaws.reserialise) body = Buffer.from(JSON.stringify(JSON.parse(body.toString("utf8"))));
    if (flaws.sortKeys) body = Buffer.from(JSON.stringify(sorted(JSON.parse(body.toString("utf8")))));
    const requestId = String(req.headers["request-id"] ?? "");
    if (flaws.processThenVerify) ledger.set(requestId, (ledger.get(requestId) ?? 0) + 1);
    const verdict = verifyRequest(
      { method: req.method ?? "POST", path: req.url ?? "/", headers: req.headers, body },
      {
        auth: "nonsnap-hmac",
        credentials: { clientId: CLIENT_ID, secretKey: SECRET_KEY },
        ...(flaws.acceptStale ? { maxSkewMs: null } : {}),
      },
    );
    if (!verdict.ok && !flaws.skipVerification) {
      res
        .writeHead(401, { "Content-Type": "application/json" })
        .end(JSON.stringify({ error: verdict.reason }));
      return;
    }
    const json = JSON.parse(body.toString("utf8")) as {
      order?: { invoice_number?: string };
      virtual_account_info?: { virtual_account_number?: string };
    };
    if (kind === "notification") {
      const invoice = String(json.order?.invoice_number ?? "");
      const redelivery =
        (ledger.has(requestId) && !flaws.doubleProcess && !flaws.silentDouble) || flaws.processThenVerify;
      if (!redelivery) {
        if (flaws.doubleProcess && paid.has(invoice)) {
          res.writeHead(409, { "Content-Type": "application/json" }).end('{"error":"invoice already paid"}');
          return;
        }
        paid.add(invoice);
        ledger.set(requestId, (ledger.get(requestId) ?? 0) + 1);
      }
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    const answer = inquiryAnswer(String(json.virtual_account_info?.virtual_account_number ?? ""), flaws);
    const text = JSON.stringify(answer);
    const status = answer.virtual_account_inquiry.status === "success" || flaws.wrongStatus ? 200 : 404;
    const signed = signNonSnapResponse({
      clientId: CLIENT_ID,
      requestId,
      target: req.url ?? "/",
      body: text,
      secretKey: SECRET_KEY,
    });
    if (flaws.wrongAnswerSignature) {
      const components = {
        clientId: CLIENT_ID,
        requestId,
        timestamp: signed["Response-Timestamp"] ?? "",
        target: req.url ?? "/",
        body: text,
      };
      signed.Signature = nonSnapSignature(SECRET_KEY, components);
    }
    const headers: Record<string, string> = { "Content-Type": "application/json", ...signed };
    if (flaws.unsignedAnswer) delete headers.Signature;
    res.writeHead(status, headers).end(text);
  });
  return { server, ledger };
}
