/**
 * DOKU's bodies are JSON in UTF-8: bytes that are not UTF-8 are a "utf-8" violation in `validate` and a
 * 400 from the mock, not a valid body read through U+FFFD.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/context.js";
import { runCli } from "../../src/cli/main.js";
import type { SpecBundle } from "../../src/model/index.js";
import { nonSnapSignature } from "../../src/signatures/nonsnap.js";
import { invalidUtf8Offset, utf8Violation } from "../../src/validation/index.js";
import { paymentCodeBody } from "../mock/fixtures/bodies.js";
import { op, send } from "../mock/helpers.js";
import { useMock } from "../mock/setup.js";
import { inline } from "../validation/fixtures.js";

/** `{"name":"<bytes>"}` around raw bytes. */
const wrap = (bytes: number[]) =>
  Buffer.concat([Buffer.from('{"name":"'), Buffer.from(bytes), Buffer.from('"}')]);

describe("invalidUtf8Offset", () => {
  it.each([
    ["a lone continuation byte", [0x80], 9],
    ["Latin-1 é", [0xe9], 9],
    ["a truncated 3-byte sequence", [0xe2, 0x82], 9],
    ["an overlong slash", [0xc0, 0xaf], 9],
    ["a UTF-16 surrogate encoded as UTF-8", [0xed, 0xa0, 0x80], 9],
    ["a byte after valid multi-byte text", [0xc3, 0xa9, 0xff], 11],
  ])("%s is found at its offset", (_name, bytes, offset) => {
    expect(invalidUtf8Offset(wrap(bytes))).toBe(offset);
    expect(utf8Violation(wrap(bytes), "op", "request")).toMatchObject({ rule: "utf-8", severity: "error" });
  });

  it("agrees with a fatal TextDecoder on random bytes", () => {
    const fatal = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let decodes = true;
        try {
          fatal.decode(bytes);
        } catch {
          decodes = false;
        }
        expect(invalidUtf8Offset(bytes) === undefined).toBe(decodes);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it("UTF-8 text (Indonesian, CJK, emoji) has none", () => {
    expect(invalidUtf8Offset(Buffer.from('{"name":"Budi Pratama ñ 中文 😀"}'))).toBeUndefined();
  });
});

describe("validate with a body that is not UTF-8", () => {
  const { operation, validators } = inline({
    id: "opUtf8",
    body: { type: "object", properties: { name: { type: "string", maxLength: 64 } } },
    responses: [{ status: "200", body: { type: "object" } }],
  });
  const bundle: SpecBundle = { operations: [operation], validators, document: {} };
  const dir = mkdtempSync(join(tmpdir(), "validate-utf8-"));
  writeFileSync(join(dir, "latin1.json"), wrap([0x42, 0x75, 0x64, 0xe9]));

  it("is a violation (exit 1) naming the byte and its offset", async () => {
    let stdout = "";
    const ctx: CliContext = {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
      readStdin: async () => "",
      env: {},
      cwd: dir,
      isTTY: false,
      loadBundle: async () => bundle,
      packageRoot: dir,
      signal: new AbortController().signal,
    };
    const code = await runCli(
      ["validate", "--operation", "opUtf8", "--request", "latin1.json", "--format", "json"],
      ctx,
    );
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { valid: boolean; violations: { rule: string; actual: string }[] };
    expect(out.valid).toBe(false);
    expect(out.violations).toMatchObject([{ rule: "utf-8", actual: "byte 0xe9 at offset 12" }]);
  });
});

describe("the mock and a body that is not UTF-8", () => {
  const f = useMock();
  it("answers 400 saying the body is not UTF-8, even when correctly signed", async () => {
    const operation = op(f.bundle, "dokuVaCreatePaymentCode");
    const text = JSON.stringify(paymentCodeBody(f.bundle));
    // A Latin-1 "é" (0xE9) in place of the first "a": the bytes, not a string, are signed and sent.
    const body = Buffer.from(text, "utf8");
    body[body.indexOf(0x61)] = 0xe9;
    const requestId = randomUUID();
    const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const { clientId, secretKey } = f.mock.identity;
    const signature = nonSnapSignature(secretKey, {
      clientId,
      requestId,
      timestamp,
      target: operation.path,
      body,
    });
    const answer = await send(f.mock.url, {
      method: operation.method,
      path: operation.path,
      headers: {
        "Content-Type": "application/json",
        "Client-Id": clientId,
        "Request-Id": requestId,
        "Request-Timestamp": timestamp,
        Signature: signature,
      },
      body,
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/not UTF-8/);
  });
});

describe("validate --request - (stdin) with a body that is not UTF-8", () => {
  it("is the same violation as from a file (the real bin reads stdin as bytes)", async () => {
    const { spawnSync } = await import("node:child_process");
    const { root } = await import("./bin.js");
    const r = spawnSync(
      process.execPath,
      [
        `${root}bin/doku-conformance.js`,
        "validate",
        "--operation",
        "dokuVaCreatePaymentCode",
        "--request",
        "-",
        "--format",
        "json",
      ],
      { input: wrap([0x42, 0x75, 0x64, 0xe9]), encoding: "utf8" },
    );
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { violations: { rule: string; actual: string }[] };
    expect(out.violations).toContainEqual(
      expect.objectContaining({ rule: "utf-8", actual: "byte 0xe9 at offset 12" }),
    );
  });
});
