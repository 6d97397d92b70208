/**
 * Issue #20 "Done when", client half: from a scratch project with only the packed tarball installed, a
 * plain .mjs file creates a VA on the embedded mock (started from the installed package) with
 * `createDokuClient({ baseUrl, credentials })` and no other setup; a TypeScript consumer with a misspelled
 * body field fails `tsc --noEmit` with an error naming the field, and the correctly spelled one passes.
 */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, type Packed, packAndInstall, ROOT, sh } from "./packed.js";
import { STRICT_TSCONFIG } from "./scratch.js";

const MINUTES = 60_000;
let packed: Packed | undefined;

beforeAll(async () => {
  packed = await packAndInstall("doku-client-pack-");
}, 6 * MINUTES);

afterAll(async () => {
  if (packed !== undefined) await rm(packed.work, { recursive: true, force: true });
});

const project = () => {
  if (packed === undefined) throw new Error("the package was not packed");
  return packed.project;
};

/** Starts the mock from the installed package, then creates a VA with nothing but baseUrl and credentials. */
const CREATE_VA_MJS = `import { createDokuClient, loadSpecBundle, startMock } from "doku-conformance";

const mock = await startMock({ bundle: await loadSpecBundle() });
try {
  const { client } = createDokuClient({
    baseUrl: mock.url,
    credentials: {
      clientId: mock.identity.clientId,
      secretKey: mock.identity.secretKey,
      privateKey: mock.identity.merchantPrivateKeyPem,
    },
  });
  const { data, response } = await client.POST("/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va", {
    body: {
      partnerServiceId: "  088899",
      customerNo: "12345678901234567890",
      virtualAccountNo: "  08889912345678901234567890",
      virtualAccountName: "Jokul Doe",
      trxId: "INV-0001",
      totalAmount: { value: "12345678.00", currency: "IDR" },
      virtualAccountTrxType: "C",
      expiredDate: "2030-03-27T09:00:00+07:00",
    },
  });
  const stored = mock.state.vas.size;
  console.log(JSON.stringify({ status: response.status, responseCode: data.responseCode, va: data.virtualAccountData.virtualAccountNo, stored }));
} finally {
  await mock.close();
}
`;

/** A typed consumer; `field` is the name written for virtualAccountName. */
const consumer = (field: string) => `import { createDokuClient } from "doku-conformance";

const { client } = createDokuClient({
  baseUrl: "sandbox",
  credentials: { clientId: "BRN-0001-0000000000001", secretKey: "SK-1" },
});

export const created = client.POST("/virtual-accounts/bi-snap-va/v1.1/transfer-va/create-va", {
  body: {
    partnerServiceId: "  088899",
    customerNo: "12345678901234567890",
    virtualAccountNo: "  08889912345678901234567890",
    ${field}: "Jokul Doe",
    trxId: "INV-0001",
    virtualAccountTrxType: "C",
  },
});
`;

async function typecheck(file: string, source: string) {
  await writeFile(join(project(), file), source);
  const config = JSON.parse(STRICT_TSCONFIG(join(ROOT, "node_modules", "@types"))) as { files: string[] };
  config.files = [file];
  await writeFile(join(project(), `tsconfig.${file}.json`), JSON.stringify(config, null, 2));
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  return sh(process.execPath, [tsc, "--noEmit", "-p", `tsconfig.${file}.json`], project());
}

describe("createDokuClient from the packed tarball", () => {
  it(
    "a plain .mjs file creates a VA on the mock with createDokuClient({ baseUrl, credentials })",
    async () => {
      await writeFile(join(project(), "create-va.mjs"), CREATE_VA_MJS);
      const out = ok(sh(process.execPath, ["create-va.mjs"], project()), "node create-va.mjs");
      const result = JSON.parse(out) as { status: number; responseCode: string; va: string; stored: number };
      expect(result).toMatchObject({
        status: 200,
        responseCode: "2002700",
        va: "  08889912345678901234567890",
        stored: 1,
      });
    },
    2 * MINUTES,
  );

  it(
    "TypeScript: a misspelled body field fails tsc --noEmit naming the field; the right spelling passes",
    async () => {
      const bad = await typecheck("misspelled.ts", consumer("virtualAccountNmae"));
      expect(bad.status).not.toBe(0);
      expect(bad.stdout).toMatch(/misspelled\.ts\(\d+,\d+\): error TS\d+: .*'virtualAccountNmae'/);
      expect(
        bad.stdout
          .trim()
          .split("\n")
          .filter((l) => l.includes("error TS")),
      ).toHaveLength(1);
      const good = await typecheck("correct.ts", consumer("virtualAccountName"));
      expect(good.stdout).toBe("");
      expect(good.status).toBe(0);
    },
    3 * MINUTES,
  );
});
