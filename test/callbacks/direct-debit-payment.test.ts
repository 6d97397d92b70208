/**
 * `callback --flow direct-debit-payment` (any channel): the reference merchant in examples/merchants is
 * certified, with the token handshake and a ledger; a merchant that credits a redelivery twice, one that
 * skips verification, one whose token answer leaves DOKU's layout and one that refuses channels it did not
 * expect are each caught by the right check.
 * The dana-payment flow (DANA preset, danaPaymentNotification) keeps certifying the same merchant.
 */
import { createServer, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import {
  createMerchant,
  handleNotification,
  newStore,
  type PaymentStore,
  TOKEN_PATH,
} from "../../examples/merchants/direct-debit-payment.js";
import { rawBody, sendJson } from "../../examples/merchants/lib/http.js";
import { answerTokenRequest } from "../../examples/merchants/lib/snap.js";
import { nodeCallbackHandler, TokenIssuer } from "../../src/receiver/index.js";
import {
  CLIENT_ID,
  certify,
  checkNames,
  dokuPair,
  errorsOf,
  type Listening,
  listen,
  SECRET_KEY,
} from "./helpers.js";

const running: Listening[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

const config = {
  clientId: CLIENT_ID,
  secretKey: SECRET_KEY,
  dokuPublicKey: dokuPair().publicKey,
  callbackAuth: "snap-hmac" as const,
};

/** The merchant plus GET /ledger?key=<X-EXTERNAL-ID> -> {"processed": n} from its store. */
function withLedger(merchant: Server, store: PaymentStore): Server {
  return createServer((req, res) => {
    if (req.method === "GET" && req.url?.startsWith("/ledger")) {
      const key = new URL(req.url, "http://x").searchParams.get("key") ?? "";
      sendJson(res, 200, { processed: store.applied.get(key) ?? 0 });
      return;
    }
    merchant.emit("request", req, res);
  });
}

/** A store that forgets which X-EXTERNAL-IDs it has seen: every redelivery is credited again. */
const forgetful = (): PaymentStore => {
  const store = newStore();
  store.seen = new (class extends Set<string> {
    override has(): boolean {
      return false;
    }
  })();
  return store;
};

/** The same business logic behind the token endpoint only: callbacks are never verified. */
function unverified(store: PaymentStore): Server {
  const tokens = new TokenIssuer();
  const handle = handleNotification(store);
  return createServer(
    nodeCallbackHandler((request) =>
      request.path === TOKEN_PATH
        ? answerTokenRequest(request, config, tokens)
        : handle(request, JSON.parse(request.rawBody.toString("utf8"))),
    ),
  );
}

/** Refuses any channel but DANA with 400: what a DANA-only integration does on the shared path. */
function danaOnly(store: PaymentStore): Server {
  const inner = createMerchant(config, store);
  return createServer(async (req, res) => {
    const body = await rawBody(req);
    const channel = /"channelId"\s*:\s*"([^"]*)"/.exec(body.toString("utf8"))?.[1];
    if (req.url !== TOKEN_PATH && channel !== undefined && channel !== "EMONEY_DANA_SNAP") {
      sendJson(res, 400, { responseCode: "4005600", responseMessage: "Invalid Field Format {channelId}" });
      return;
    }
    const replay = Object.assign(Readable.from([body]), {
      headers: req.headers,
      url: req.url,
      method: req.method,
    });
    inner.emit("request", replay, res);
  });
}

/**
 * The reference merchant, except that its token answer (200) leaves DOKU's layout: tokenType dropped and
 * responseCode with the wrong service code. The token itself still works; its refusals stay as they are.
 */
function offSpecToken(store: PaymentStore): Server {
  const inner = createMerchant(config, store);
  return createServer((req, res) => {
    if (req.url === TOKEN_PATH) {
      const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
      const rewrite = (chunk?: unknown): ServerResponse => {
        if (res.statusCode !== 200) return end(chunk);
        const answer = JSON.parse(String(chunk)) as Record<string, unknown>;
        delete answer.tokenType;
        answer.responseCode = "2000000";
        const text = JSON.stringify(answer);
        return end(text);
      };
      res.end = rewrite as typeof res.end;
    }
    inner.emit("request", req, res);
  });
}

async function run(server: Server, flow = "direct-debit-payment") {
  const listening = await listen(server);
  running.push(listening);
  return certify({
    url: `${listening.base}/v1.0/debit/notify`,
    flow,
    tokenUrl: `${listening.base}${TOKEN_PATH}`,
    ledgerUrl: `${listening.base}/ledger`,
  });
}

describe("callback --flow direct-debit-payment", () => {
  it.each(["direct-debit-payment", "dana-payment"])("certifies the reference merchant (%s)", async (flow) => {
    const store = newStore();
    const summary = await run(withLedger(createMerchant(config, store), store), flow);
    expect(errorsOf(summary)).toEqual([]);
    expect(summary.exitCode).toBe(0);
    expect(summary.kinds.token?.passed).toBe(1);
    expect(store.orders.size).toBeGreaterThan(0);
    expect(new Set([...store.orders.values()].map((o) => o.channel)).size).toBeGreaterThan(1);
  });

  it("catches a merchant that credits a redelivery twice", async () => {
    const store = forgetful();
    const summary = await run(withLedger(createMerchant(config, store), store));
    expect(errorsOf(summary).some((e) => e.endsWith("processed-once"))).toBe(true);
    expect(summary.exitCode).toBe(1);
  });

  it("catches a merchant that skips verification", async () => {
    const store = newStore();
    const summary = await run(withLedger(unverified(store), store));
    expect(checkNames(summary)).toContain("forged-rejected");
    expect(errorsOf(summary)).toContain("forged-rejected /headers/X-SIGNATURE status-code");
    expect(summary.exitCode).toBe(1);
  });

  it("catches a merchant whose token answer is out of spec", async () => {
    const store = newStore();
    const summary = await run(withLedger(offSpecToken(store), store));
    const errors = errorsOf(summary);
    expect(
      errors.some((e) => / \/tokenType required$/.test(e)),
      errors.join("; "),
    ).toBe(true);
    expect(
      errors.some((e) => e.includes("response-code")),
      errors.join("; "),
    ).toBe(true);
    // Only the token answer is at fault: notifications are still verified and accepted.
    expect(checkNames(summary).filter((c) => c === "forged-rejected" || c === "valid-accepted")).toEqual([]);
    expect(summary.exitCode).toBe(1);
  });

  it("catches a merchant that answers out of spec for channels it did not expect", async () => {
    const store = newStore();
    const summary = await run(withLedger(danaOnly(store), store));
    expect(checkNames(summary)).toContain("valid-accepted");
    expect(summary.exitCode).toBe(1);
  });
});
