/**
 * `mock` with only DOKU_CLIENT_ID + DOKU_SECRET_KEY (a non-SNAP merchant has no RSA key) starts through the
 * real bin: non-SNAP requests verify with the secret, Get Token answers DOKU's 401, and the startup lines
 * say once how to enable SNAP.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nonSnapSignature } from "../../src/signatures/nonsnap.js";
import { spawnBin } from "./bin.js";

const PATH = "/doku-virtual-account/v2/payment-code";

async function nonSnap(url: string, secret: string): Promise<number> {
  const body = "{}";
  const headers = {
    "Client-Id": "MCH-1",
    "Request-Id": randomUUID(),
    "Request-Timestamp": new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
  const signature = nonSnapSignature(secret, {
    clientId: headers["Client-Id"],
    requestId: headers["Request-Id"],
    timestamp: headers["Request-Timestamp"],
    target: PATH,
    body,
  });
  const res = await fetch(`${url}${PATH}`, {
    method: "POST",
    headers: { ...headers, Signature: signature, "Content-Type": "application/json" },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

describe("mock with a client id and secret key but no RSA key", () => {
  it("starts; non-SNAP verifies with the secret; Get Token is 401; one line says how to enable SNAP", async () => {
    const mock = spawnBin(["mock", "--port", "0"], {
      env: { DOKU_CLIENT_ID: "MCH-1", DOKU_SECRET_KEY: "SK-1" },
    });
    try {
      const url = (await mock.waitFor(/^listening on /)).replace("listening on ", "");
      await mock.waitFor(/^stop with Ctrl\+C$/);
      const snapLines = mock.lines.filter((l) => /SNAP/.test(l));
      expect(snapLines).toHaveLength(1);
      expect(snapLines[0]).toMatch(/Get Token answers 401.*DOKU_PUBLIC_KEY_FILE.*DOKU_PRIVATE_KEY_FILE/);

      expect(await nonSnap(url, "wrong-secret")).toBe(401);
      expect(await nonSnap(url, "SK-1")).not.toBe(401);

      const token = await fetch(`${url}/authorization/v1/access-token/b2b`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-CLIENT-KEY": "MCH-1",
          "X-TIMESTAMP": new Date().toISOString().replace(/\.\d+Z$/, "+00:00"),
          "X-SIGNATURE": "c2lnbmF0dXJl",
        },
        body: '{"grantType":"client_credentials"}',
      });
      expect(token.status).toBe(401);
      expect(((await token.json()) as { responseCode: string }).responseCode).toBe("4017300");
      expect(mock.stderr()).toBe("");
    } finally {
      mock.child.kill("SIGTERM");
      await mock.exit;
    }
  }, 30_000);
});
