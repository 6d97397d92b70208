/** The mock keeps a conflicting repeated header as a list, so verification sees both copies. */
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { receivedHeaders } from "../../src/mock/received-headers.js";

async function roundTrip(headers: Record<string, string | string[]>) {
  const server = createServer((req, res) => res.end(JSON.stringify(receivedHeaders(req))));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const port = (server.address() as AddressInfo).port;
  try {
    return await new Promise<Record<string, unknown>>((resolve, reject) => {
      const r = request({ host: "127.0.0.1", port, path: "/", headers, agent: false }, (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c.toString("utf8");
        });
        res.on("end", () => resolve(JSON.parse(text) as Record<string, unknown>));
      });
      r.on("error", reject);
      r.end();
    });
  } finally {
    server.close();
  }
}

describe("receivedHeaders", () => {
  it("keeps two different Authorization headers (Node keeps only the first)", async () => {
    const got = await roundTrip({ Authorization: ["Bearer a", "Bearer b"] });
    expect(got.authorization).toEqual(["Bearer a", "Bearer b"]);
  });

  it("keeps two different X-SIGNATURE headers as a list", async () => {
    const got = await roundTrip({ "X-SIGNATURE": ["s1", "s2"] });
    expect(got["x-signature"]).toEqual(["s1", "s2"]);
  });

  it("leaves single and identical repeats as Node gives them", async () => {
    const got = await roundTrip({ Authorization: "Bearer a", "X-TIMESTAMP": "t" });
    expect(got).toMatchObject({ authorization: "Bearer a", "x-timestamp": "t" });
  });
});
