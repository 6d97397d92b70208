import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TargetError } from "../../src/model/errors.js";
import { jsonReporter } from "../../src/reporters/json.js";
import { runSuite } from "../../src/runner/suite.js";
import { envFor, runAgainst, tempDir } from "./helpers.js";
import type { Defect } from "./server.js";
import { bundle, caseSource } from "./spec.js";

describe("runSuite against a correct target", () => {
  it("exits 0 with every phase, and every check that applied passed", async () => {
    const { summary } = await runAgainst([]);
    expect(summary.violations).toEqual([]);
    expect(summary.exitCode).toBe(0);
    expect(summary.summary.failed).toBe(0);
    expect(summary.summary.cases).toBe(summary.summary.passed);
    const va = summary.operations.find((op) => op.operationId === "snapCreateVa")!;
    for (const check of [
      "positive-accepted",
      "negative-rejected",
      "signature-rejected",
      "response-code",
      "response-body-valid",
    ]) {
      expect(va.checks[check]?.applied, check).toBeGreaterThan(0);
    }
    const code = summary.operations.find((op) => op.operationId === "dokuVaCreatePaymentCode")!;
    expect(code.checks["response-signature"]?.applied).toBeGreaterThan(0);
    expect(code.checks["signature-rejected"]?.applied).toBeGreaterThan(0);
  });
});

type Want = { operationId: string; check: string; pointer?: string; rule?: string };
const defects: [Defect, Want[], { responseTimeBudgetMs?: number }?][] = [
  [
    "too-long-field",
    [
      {
        operationId: "snapCreateVa",
        check: "response-body-valid",
        pointer: "/virtualAccountData/virtualAccountName",
        rule: "maxLength",
      },
    ],
  ],
  [
    "wrong-type",
    [
      {
        operationId: "snapCreateVa",
        check: "response-body-valid",
        pointer: "/virtualAccountData/trxId",
        rule: "type",
      },
    ],
  ],
  ["wrong-service-code", [{ operationId: "snapCreateVa", check: "response-code", pointer: "/responseCode" }]],
  [
    "missing-response-code",
    [
      { operationId: "snapCreateVa", check: "response-code" },
      {
        operationId: "snapCreateVa",
        check: "response-body-valid",
        pointer: "/responseCode",
        rule: "required",
      },
    ],
  ],
  ["ok-with-error-code", [{ operationId: "snapCreateVa", check: "response-code", pointer: "/responseCode" }]],
  [
    "accept-bad-signature",
    [
      { operationId: "snapCreateVa", check: "signature-rejected" },
      { operationId: "dokuVaCreatePaymentCode", check: "signature-rejected" },
      { operationId: "snapGetTokenB2b", check: "signature-rejected" },
    ],
  ],
  [
    "undocumented-status",
    [
      { operationId: "snapCreateVa", check: "status-code-documented" },
      { operationId: "snapCreateVa", check: "positive-accepted" },
    ],
  ],
  ["slow", [{ operationId: "snapCreateVa", check: "response-time" }], { responseTimeBudgetMs: 50 }],
  ["server-error", [{ operationId: "snapCreateVa", check: "no-5xx" }]],
  [
    "accept-negative",
    [
      {
        operationId: "snapCreateVa",
        check: "negative-rejected",
        pointer: "/virtualAccountName",
        rule: "maxLength",
      },
    ],
  ],
  [
    "unnamed-field",
    [
      {
        operationId: "snapCreateVa",
        check: "negative-rejected",
        pointer: "/virtualAccountName",
        rule: "response-message",
      },
    ],
  ],
  [
    "unsigned-response",
    [
      { operationId: "dokuVaCreatePaymentCode", check: "response-signature", pointer: "/headers/Signature" },
      {
        operationId: "dokuVaCreatePaymentCode",
        check: "response-headers-valid",
        pointer: "/headers/Signature",
      },
    ],
  ],
  [
    "html-content-type",
    [{ operationId: "snapCreateVa", check: "content-type", pointer: "/headers/Content-Type" }],
  ],
];

describe("runSuite against a misbehaving target", () => {
  it.each(defects)("%s is reported by the right check and the run fails", async (defect, wants, policy) => {
    const { summary } = await runAgainst([defect], {
      shrinkBudget: 0,
      ...(policy ? { policy } : {}),
      ...(defect === "slow" ? { concurrency: 16 } : {}),
    });
    expect(summary.exitCode).toBe(1);
    for (const want of wants) {
      expect(summary.violations, JSON.stringify(want)).toContainEqual(
        expect.objectContaining({ ...want, severity: "error" }),
      );
    }
    for (const v of summary.violations) {
      expect(v.rerun).toMatch(
        new RegExp(
          `^doku-conformance run --seed 42 --operation ${v.operationId} --phase ${v.phase} --target `,
        ),
      );
    }
  });
});

describe("reproducibility", () => {
  const sent = async (seed: number) => {
    const { server } = await runAgainst([], {
      seed,
      phases: ["examples", "boundary", "property", "negative"],
    });
    return server.bodies
      .filter((b) => b.path !== "/authorization/v1/access-token/b2b")
      .map((b) => b.body)
      .sort();
  };

  it("the same seed sends the same bodies; another seed does not", async () => {
    const first = await sent(7);
    expect(first.length).toBeGreaterThan(20);
    expect(await sent(7)).toEqual(first);
    expect(await sent(8)).not.toEqual(first);
  });

  it("--operation X with the same seed reproduces exactly X's cases of the full run", async () => {
    const all = await runAgainst([], { seed: 11, phases: ["property"] });
    const one = await runAgainst([], {
      seed: 11,
      phases: ["property"],
      operations: ["dokuVaCreatePaymentCode"],
    });
    const of = (bodies: { path: string; body: string }[]) =>
      bodies
        .filter((b) => b.path.startsWith("/doku-virtual-account"))
        .map((b) => b.body)
        .sort();
    expect(of(one.server.bodies)).toEqual(of(all.server.bodies));
  });
});

describe("shrinking and replays", () => {
  it("shrinks a failing negative case against the target and writes a replay with the exact request", async () => {
    const { summary, dir } = await runAgainst(["accept-negative"], {
      phases: ["negative"],
      operations: ["snapCreateVa"],
    });
    const v = summary.violations.find((x) => x.check === "negative-rejected")!;
    expect(v.shrunk).toBe(true);
    expect(v.case).toMatch(/virtualAccountName 11 > 10/);
    const replay = JSON.parse(await readFile(join(dir, "report", v.replay!), "utf8"));
    expect(replay.request.headers["X-SIGNATURE"]).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(JSON.parse(replay.request.body).virtualAccountName).toHaveLength(11);
    expect(v.curl).toContain("-H @");
    expect(await readFile(join(dir, "report", v.replay!.replace(/\.json$/, ".body")), "utf8")).toBe(
      replay.request.body,
    );
  });
});

describe("target errors", () => {
  it("an unreachable target throws one-line TargetError after writing a report marked incomplete", async () => {
    const port = await freePort();
    const dir = await tempDir();
    const run = runSuite({
      bundle,
      caseSource,
      target: `http://127.0.0.1:${port}`,
      env: await envFor(dir),
      outputDir: join(dir, "out"),
      listeners: [jsonReporter()],
      seed: 1,
      cases: 2,
    });
    await expect(run).rejects.toThrow(TargetError);
    await expect(run).rejects.toThrow(
      new RegExp(`^target http://127.0.0.1:${port} unreachable: ECONNREFUSED$`),
    );
    const report = JSON.parse(await readFile(join(dir, "out", "report.json"), "utf8"));
    expect(report.incomplete).toMatch(/unreachable/);
    expect(report.exitCode).toBe(3);
  });

  it("missing credentials name the variables (exit 2)", async () => {
    const run = runSuite({
      bundle,
      caseSource,
      target: "http://127.0.0.1:1",
      env: { DOKU_CLIENT_ID: "x" },
      cases: 1,
    });
    await expect(run).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("DOKU_SECRET_KEY, DOKU_PRIVATE_KEY_FILE"),
    });
  });

  it("refuses data-changing operations against production without --allow-production", async () => {
    const dir = await tempDir();
    const run = runSuite({
      bundle,
      caseSource,
      target: "https://api.doku.com",
      env: await envFor(dir),
      cases: 1,
    });
    await expect(run).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(
        /refusing to run snapCreateVa, dokuVaCreatePaymentCode against production api.doku.com/,
      ),
    });
  });

  it("an unknown or webhook operation id is a usage error", async () => {
    await expect(runSuite({ bundle, caseSource, operations: ["nope"] })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^unknown operation "nope"/),
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe("interruption and the throwing adapter", () => {
  it("an aborted run stops sending, reports itself incomplete and exits 3 when it found nothing", async () => {
    const controller = new AbortController();
    let seen = 0;
    const stopper = {
      onEvent(event: { type: string }) {
        if (event.type === "case-finished" && ++seen === 5) controller.abort();
      },
    };
    const { summary } = await runAgainst([], { signal: controller.signal, listeners: [stopper] });
    expect(summary.incomplete).toBe("interrupted");
    expect(summary.exitCode).toBe(3);
    expect(summary.summary.cases).toBeGreaterThanOrEqual(5);
    expect(summary.summary.cases).toBeLessThan(40);
  });

  it("assertConformance throws with the violations and their rerun lines; resolves when conformant", async () => {
    const { assertConformance } = await import("../../src/runner/suite.js");
    const { startTestServer } = await import("./server.js");
    const { merchant } = await import("./helpers.js");
    const dir = await tempDir();
    const env = await envFor(dir);
    const bad = await startTestServer(merchant, ["too-long-field"]);
    try {
      await expect(
        assertConformance({
          bundle,
          caseSource,
          target: bad.url,
          env,
          outputDir: join(dir, "a"),
          cases: 3,
          negativeCases: 2,
          seed: 5,
          phases: ["property"],
        }),
      ).rejects.toThrow(
        /violation\(s\) against http:\/\/127\.0\.0\.1:[0-9]+ \(seed 5\)\n- snapCreateVa response-body-valid \/virtualAccountData\/virtualAccountName: .*\n {2}doku-conformance run --seed 5 --operation snapCreateVa --phase property/,
      );
    } finally {
      await bad.close();
    }
    const good = await startTestServer(merchant, []);
    try {
      const summary = await assertConformance({
        bundle,
        caseSource,
        target: good.url,
        env,
        outputDir: join(dir, "b"),
        cases: 3,
        seed: 5,
        phases: ["property"],
      });
      expect(summary.exitCode).toBe(0);
    } finally {
      await good.close();
    }
  });
});

describe("transport failures", () => {
  it("a target that accepts connections but never answers is unreachable (timeout), not a pile of violations", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const { port } = silent.address() as { port: number };
    const dir = await tempDir();
    try {
      const run = runSuite({
        bundle,
        caseSource,
        target: `http://127.0.0.1:${port}`,
        env: await envFor(dir),
        outputDir: join(dir, "o"),
        requestTimeoutMs: 150,
        cases: 2,
        seed: 1,
      });
      await expect(run).rejects.toThrow(
        new RegExp(`^target http://127.0.0.1:${port} unreachable: ETIMEDOUT$`),
      );
    } finally {
      silent.close();
    }
  });

  it("a connection reset after the target has answered is a response-received violation of that case", async () => {
    const { summary } = await runAgainst(["reset"], { shrinkBudget: 0 });
    expect(summary.violations).toContainEqual(
      expect.objectContaining({ check: "response-received", rule: "response-received", severity: "error" }),
    );
    expect(summary.exitCode).toBe(1);
  });
});
