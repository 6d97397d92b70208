/**
 * The receiver as a merchant gets it (issue #20, "Done when"): the packed tarball installed alone into a
 * scratch project, a node:http server of about ten lines built on verifyDokuCallback and the answer
 * builders, started as a child process, and the installed `doku-conformance callback` CERTIFIES it for the
 * SNAP flows (snap-va-inquiry, snap-va-payment under every callback auth mode, token handshake first) and the
 * non-SNAP flows (doku-va-inquiry, doku-va-notification).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packAndInstall } from "./packed.js";

const MINUTES = 60_000;
const CLIENT_ID = "MCH-0001-10791114622547";
const SECRET_KEY = "SK-receiver-tarball";

/** The merchant: ten lines of routing on the package's receiver (what issue #20 promises a merchant writes). */
const SERVER_MJS = `import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dokuAnswers, nodeCallbackHandler, TokenIssuer, verifyDokuCallback } from "doku-conformance";

const env = process.env;
const credentials = { clientId: env.DOKU_CLIENT_ID, secretKey: env.DOKU_SECRET_KEY, dokuPublicKey: readFileSync(env.DOKU_PUBLIC_KEY_FILE, "utf8") };
const tokens = new TokenIssuer();
const bill = (b) => ({ partnerServiceId: b.partnerServiceId, customerNo: b.customerNo, virtualAccountNo: b.partnerServiceId + b.customerNo, virtualAccountName: "Toru Yamashita", totalAmount: { value: "11500.00", currency: "IDR" }, virtualAccountTrxType: "C", inquiryStatus: "00", inquiryRequestId: b.inquiryRequestId });
const routes = {
  "/token": ["token-request", "snapMerchantToken", () => dokuAnswers.token(tokens.issue())],
  "/snap/inquiry": [env.CALLBACK_AUTH, "snapVaInquiry", (b) => dokuAnswers.snapVaInquiry({ virtualAccountData: bill(b) })],
  "/snap/payment": [env.CALLBACK_AUTH, "snapVaPaymentNotification", () => dokuAnswers.snapVaPayment()],
  "/doku/inquiry": ["nonsnap-hmac", "dokuVaInquiry", (b, req) => dokuAnswers.dokuVaInquiry({ order: { invoice_number: "INV-1", amount: 150000 }, virtual_account_info: { virtual_account_number: b.virtual_account_info.virtual_account_number }, virtual_account_inquiry: { status: "success" }, customer: { name: "Taufik Ismail" } }, req, credentials)],
  "/doku/notification": ["nonsnap-hmac", "dokuVaNotification", () => dokuAnswers.dokuVaNotification()],
};
createServer(nodeCallbackHandler((req) => {
  const [scheme, id, answer] = routes[req.path];
  const verdict = verifyDokuCallback({ ...req, credentials, scheme, issuedTokens: tokens });
  return verdict.ok ? answer(verdict.body, req) : dokuAnswers.refusal(id, verdict);
})).listen(0, "127.0.0.1", function () { console.log(\`listening on \${this.address().port}\`); });
`;

let work = "";
let project = "";
const doku = generateKeyPairSync("rsa", { modulusLength: 2048 });

beforeAll(async () => {
  ({ work, project } = await packAndInstall("doku-receiver-pack-"));
  await writeFile(join(project, "server.mjs"), SERVER_MJS);
  await writeFile(join(work, "doku-private.pem"), doku.privateKey.export({ type: "pkcs8", format: "pem" }));
  await writeFile(join(work, "doku-public.pem"), doku.publicKey.export({ type: "spki", format: "pem" }));
}, 6 * MINUTES);

afterAll(async () => {
  if (work !== "") await rm(work, { recursive: true, force: true });
});

/** Starts server.mjs from the scratch project; resolves to its base URL once it prints its port. */
async function startMerchant(callbackAuth: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: project,
    env: {
      ...process.env,
      DOKU_CLIENT_ID: CLIENT_ID,
      DOKU_SECRET_KEY: SECRET_KEY,
      DOKU_PUBLIC_KEY_FILE: join(work, "doku-public.pem"),
      CALLBACK_AUTH: callbackAuth,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = /listening on (\d+)/.exec(out);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
    });
    child.on("exit", (code) => reject(new Error(`server.mjs exited ${code}: ${err}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

/** The installed bin, run asynchronously (the merchant is a child process of this one). */
function certify(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["--no", "doku-conformance", "callback", ...args], {
      cwd: project,
      env: { ...process.env, NO_COLOR: "1", DOKU_CLIENT_ID: CLIENT_ID, DOKU_SECRET_KEY: SECRET_KEY },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const FLOWS = [
  ["snap-va-inquiry", "/snap/inquiry", "snap-hmac"],
  ["snap-va-payment", "/snap/payment", "snap-hmac"],
  ["snap-va-payment", "/snap/payment", "snap-rsa"],
  ["snap-va-payment", "/snap/payment", "bearer-only"],
  ["doku-va-inquiry", "/doku/inquiry", "nonsnap-hmac"],
  ["doku-va-notification", "/doku/notification", "nonsnap-hmac"],
] as const;

describe("a ten-line node:http merchant on the packed receiver", () => {
  it.each(FLOWS)(
    "is CERTIFIED for %s at %s (%s)",
    async (flow, path, mode) => {
      const nonSnap = mode === "nonsnap-hmac";
      const merchant = await startMerchant(nonSnap ? "snap-hmac" : mode);
      try {
        const snap = nonSnap ? [] : ["--callback-auth", mode, "--token-url", `${merchant.base}/token`];
        const result = await certify([
          "--flow",
          flow,
          "--url",
          `${merchant.base}${path}`,
          ...snap,
          "--doku-private-key",
          join(work, "doku-private.pem"),
          "--cases",
          "5",
          "--output-dir",
          join(work, `report-${flow}-${mode}`),
        ]);
        expect(result.stdout, result.stderr).toMatch(/^CERTIFIED: /m);
        expect(result.status).toBe(0);
      } finally {
        merchant.child.kill();
      }
    },
    2 * MINUTES,
  );

  it(
    "is NOT CERTIFIED when the kit plays DOKU with a key the merchant does not trust (the test can fail)",
    async () => {
      const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
      await writeFile(
        join(work, "stranger.pem"),
        stranger.privateKey.export({ type: "pkcs8", format: "pem" }),
      );
      const merchant = await startMerchant("snap-rsa");
      try {
        const result = await certify([
          "--flow",
          "snap-va-payment",
          "--url",
          `${merchant.base}/snap/payment`,
          "--callback-auth",
          "snap-rsa",
          "--token-url",
          `${merchant.base}/token`,
          "--doku-private-key",
          join(work, "stranger.pem"),
          "--cases",
          "5",
          "--output-dir",
          join(work, "report-stranger"),
        ]);
        expect(result.stdout).toMatch(/^NOT CERTIFIED: /m);
        expect(result.status).not.toBe(0);
      } finally {
        merchant.child.kill();
      }
    },
    2 * MINUTES,
  );
});
