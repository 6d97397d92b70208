/**
 * A merchant's end-to-end test of its payment notifications, as it would run in CI with no DOKU sandbox:
 *
 *   1. start the app's notification receivers (here the reference merchants of examples/merchants/);
 *   2. start the local DOKU: doku-conformance mock --notify-url <family>=<url> --token-url ... --retry-scale 0.001
 *   3. create a SNAP VA and a non-SNAP payment code the way the backend does (signed requests to the mock);
 *   4. pay them: doku-conformance simulate pay <va-number>
 *   5. assert the app marked them paid, and that DOKU's check status agrees.
 *
 *   node --import tsx examples/simulator/e2e.ts      (uses ./bin/doku-conformance.js; `npm run build` first)
 *
 * In a merchant's repository the kit comes from the package: `import { signRequest } from "doku-conformance"`
 * and the command is `npx doku-conformance`.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { generateKeyPairSync, randomInt } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { signRequest } from "../../src/index.js";
import { createMerchant as notificationReceiver } from "../merchants/doku-va-notification.js";
import { createMerchant as snapPaymentReceiver, TOKEN_PATH } from "../merchants/snap-va-payment.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** How to run the kit: here the repository's bin; in a merchant's CI ["npx", "doku-conformance"]. */
const KIT = [process.execPath, join(root, "bin/doku-conformance.js")];

function listen(server: Server): Promise<string> {
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

function kit(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(KIT[0] as string, [...KIT.slice(1), ...args], { env }, (error, stdout, stderr) =>
      done({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 1), stdout, stderr }),
    );
  });
}

function digits(n: number): string {
  return Array.from({ length: n }, () => String(randomInt(0, 10))).join("");
}

async function send(url: string, signed: ReturnType<typeof signRequest>) {
  const response = await fetch(url, {
    method: signed.method,
    headers: signed.headers,
    body: signed.body || null,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** What `simulate pay --format json` prints (the /_simulator/api/simulate answer). */
export interface SimulateOutput {
  item: { id: string; status: string };
  deliveries: { kind: string; verdict: string; checks: { name: string; ok: boolean }[] }[];
}

/** The mock's --report file. */
export interface SimulatorReportFile {
  summary: Record<string, number>;
  items: unknown[];
  deliveries: unknown[];
}

export interface EndToEndResult {
  /** Orders the receivers marked, by invoice / trxId. */
  snapPaid: Map<string, string>;
  orders: Map<string, string>;
  /** What `simulate pay` printed (JSON) for each payment. */
  payments: SimulateOutput[];
  /** The mock's --report file, written on stop. */
  report: SimulatorReportFile;
}

/** Runs the whole loop; throws (node:assert) on the first thing that is not as the merchant expects. */
export async function runEndToEnd(): Promise<EndToEndResult> {
  // The merchant's credentials (in CI: secrets). The mock plays DOKU with the same client id and secret key.
  const dir = mkdtempSync(join(tmpdir(), "merchant-e2e-"));
  const merchantKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const dokuRoleKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const merchantKeyFile = join(dir, "merchant.pem");
  const dokuKeyFile = join(dir, "doku-role.pem");
  writeFileSync(merchantKeyFile, merchantKey.privateKey.export({ type: "pkcs8", format: "pem" }));
  writeFileSync(dokuKeyFile, dokuRoleKey.privateKey.export({ type: "pkcs8", format: "pem" }));
  const clientId = `BRN-0001-${digits(13)}`;
  const secretKey = `SK-${digits(20)}`;
  const env = {
    ...process.env,
    DOKU_CLIENT_ID: clientId,
    DOKU_SECRET_KEY: secretKey,
    DOKU_PRIVATE_KEY_FILE: merchantKeyFile,
  };

  // 1. The app's receivers.
  const snapPaid = new Map<string, string>();
  const orders = new Map<string, string>();
  const snapApp = snapPaymentReceiver(
    { clientId, secretKey, dokuPublicKey: dokuRoleKey.publicKey, callbackAuth: "snap-hmac" },
    { paid: snapPaid, answers: new Map() },
  );
  const nonSnapApp = notificationReceiver({ clientId, secretKey }, { orders, applied: new Set() });
  const snapUrl = await listen(snapApp);
  const nonSnapUrl = await listen(nonSnapApp);

  // 2. The local DOKU.
  const reportFile = join(dir, "simulator.json");
  const mock: ChildProcess = spawn(
    KIT[0] as string,
    [
      ...KIT.slice(1),
      "mock",
      "--notify-url",
      `snap-va=${snapUrl}/v1.1/transfer-va/payment`,
      "--token-url",
      `snap-va=${snapUrl}${TOKEN_PATH}`,
      "--notify-url",
      `non-snap-va=${nonSnapUrl}/payments/notifications`,
      "--doku-private-key",
      dokuKeyFile,
      "--retry-scale",
      "0.001",
      "--report",
      reportFile,
    ],
    { env },
  );
  const exited = new Promise<number | null>((done) => mock.on("exit", (code) => done(code)));
  try {
    const mockUrl = await new Promise<string>((done, fail) => {
      let out = "";
      mock.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (\S+)/.exec(out);
        if (match?.[1]) done(match[1]);
      });
      mock.on("exit", (code) => fail(new Error(`the mock exited (${code}) before listening`)));
    });
    const credentials = { clientId, secretKey, privateKey: merchantKey.privateKey };

    // 3a. A SNAP VA, as the backend creates it: token, then Create VA.
    const tokenAnswer = await send(
      `${mockUrl}/authorization/v1/access-token/b2b`,
      signRequest({
        auth: "snap-asymmetric-token",
        method: "POST",
        path: "/authorization/v1/access-token/b2b",
        body: JSON.stringify({ grantType: "client_credentials" }),
        headers: { "Content-Type": "application/json" },
        credentials,
      }),
    );
    assert.equal(tokenAnswer.status, 200, "Get Token B2B");
    const customerNo = digits(20);
    const trxId = `INV-${digits(10)}`;
    const vaNumber = `98829172${customerNo}`;
    const createVaPath = "/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va";
    const expiredDate = `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
    const created = await send(
      mockUrl + createVaPath,
      signRequest({
        auth: "snap-symmetric",
        method: "POST",
        path: createVaPath,
        body: JSON.stringify({
          partnerServiceId: "98829172",
          customerNo,
          virtualAccountNo: vaNumber,
          virtualAccountName: "Toru Yamashita",
          trxId,
          totalAmount: { value: "11500.00", currency: "IDR" },
          additionalInfo: { channel: "VIRTUAL_ACCOUNT_BNI" },
          virtualAccountTrxType: "C",
          expiredDate,
        }),
        headers: {
          "Content-Type": "application/json",
          "X-PARTNER-ID": clientId,
          "X-EXTERNAL-ID": digits(20),
          "CHANNEL-ID": "H2H",
        },
        credentials,
        accessToken: String(tokenAnswer.json.accessToken),
      }),
    );
    assert.equal(created.status, 200, `Create VA: ${JSON.stringify(created.json)}`);

    // 3b. A non-SNAP DOKU VA payment code.
    const invoice = `INV-${digits(10)}`;
    const code = await send(
      `${mockUrl}/doku-virtual-account/v2/payment-code`,
      signRequest({
        auth: "nonsnap-hmac",
        method: "POST",
        path: "/doku-virtual-account/v2/payment-code",
        body: JSON.stringify({
          order: { invoice_number: invoice, amount: 150000 },
          virtual_account_info: { billing_type: "FIX_BILL", expired_time: 60, reusable_status: false },
          customer: { name: "Anton Budiman", email: "anton@example.com" },
        }),
        headers: { "Content-Type": "application/json" },
        credentials,
      }),
    );
    assert.equal(code.status, 200, `payment code: ${JSON.stringify(code.json)}`);
    const paymentCode = (code.json.virtual_account_info as { virtual_account_number: string })
      .virtual_account_number;

    // 4. The customer pays; DOKU notifies.
    const payments: SimulateOutput[] = [];
    for (const id of [vaNumber, paymentCode]) {
      const paid = await kit(["simulate", "pay", id, "--mock", mockUrl, "--format", "json"], env);
      assert.equal(paid.code, 0, `simulate pay ${id}: ${paid.stdout}${paid.stderr}`);
      payments.push(JSON.parse(paid.stdout) as SimulateOutput);
    }

    // 5. The app saw the payments, and DOKU's check status agrees.
    assert.equal(snapPaid.get(trxId), "11500.00", "the SNAP receiver credited the VA");
    assert.equal(orders.get(invoice), "SUCCESS", "the non-SNAP receiver marked the order paid");
    const status = await send(
      `${mockUrl}/orders/v1/status/${invoice}`,
      signRequest({
        auth: "nonsnap-hmac",
        method: "GET",
        path: `/orders/v1/status/${invoice}`,
        body: "",
        credentials: { clientId, secretKey },
      }),
    );
    assert.equal(
      (status.json.transaction as { status?: string } | undefined)?.status,
      "SUCCESS",
      "check status says SUCCESS",
    );

    mock.kill("SIGINT");
    assert.equal(await exited, 0, "the mock stops cleanly on Ctrl+C");
    const { readFile } = await import("node:fs/promises");
    const report = JSON.parse(await readFile(reportFile, "utf8")) as SimulatorReportFile;
    return { snapPaid, orders, payments, report };
  } finally {
    if (mock.exitCode === null) mock.kill("SIGKILL");
    snapApp.close();
    nonSnapApp.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runEndToEnd().then(
    (r) => process.stdout.write(`ok: ${r.payments.length} payments notified and acknowledged\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
