/** The "rerun everything" line reproduces the run: every flag that chose what was sent, not only the seed. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rerunAllLine } from "../../src/engine/replay.js";
import { cli } from "./cli-context.js";
import { startFaultServer } from "./fault-servers.js";

describe("rerun everything", () => {
  it("names --operation, --phase, --cases, --negative-cases, --shard, --strict and a non-default target", () => {
    expect(rerunAllLine({ seed: 7 })).toBe("doku-conformance run --seed 7");
    expect(rerunAllLine({ seed: 7, target: "mock", operations: ["a", "b"], phases: ["negative"] })).toBe(
      "doku-conformance run --seed 7 --operation a --operation b --phase negative",
    );
    expect(
      rerunAllLine({
        seed: 7,
        target: "http://h/x y",
        cases: 0,
        negativeCases: 3,
        shard: "1/2",
        strict: true,
      }),
    ).toBe(
      "doku-conformance run --seed 7 --target 'http://h/x y' --cases 0 --negative-cases 3 --shard 1/2 --strict",
    );
  });

  it("the console prints it with the flags of an incomplete run", async () => {
    const server = await startFaultServer("reset");
    const cwd = mkdtempSync(join(tmpdir(), "doku-rerun-"));
    try {
      const flags = ["--operation", "dokuVaCreatePaymentCode", "--phase", "property", "--phase", "negative"];
      const r = await cli(
        ["run", "--target", server.url, "--seed", "11", "--cases", "3", "--negative-cases", "2", ...flags],
        { cwd, env: { DOKU_CLIENT_ID: "MCH-1", DOKU_SECRET_KEY: "SK-1" } },
      );
      expect(r.code).toBe(3);
      const line = r.stdout.split("\n").find((l) => l.startsWith("rerun everything: "));
      expect(line).toBe(
        `rerun everything: doku-conformance run --seed 11 --target ${server.url} --operation dokuVaCreatePaymentCode --phase property --phase negative --cases 3 --negative-cases 2`,
      );
    } finally {
      await server.close();
    }
  });
});
