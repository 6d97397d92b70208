/**
 * An in-process DOKU look-alike for runner tests: correct by default (tokens, SNAP and non-SNAP signatures,
 * validation with DOKU's case codes, X-EXTERNAL-ID / Request-Id reuse, signed non-SNAP responses), with
 * switchable defects, each of which some check must catch.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { signNonSnapResponse } from "../../src/signatures/nonsnap-response.js";
import { verifyRequest } from "../../src/signatures/request-verifier.js";
import { bundle } from "./spec.js";

export type Defect =
  | "too-long-field"
  | "wrong-type"
  | "wrong-service-code"
  | "missing-response-code"
  | "ok-with-error-code"
  | "accept-bad-signature"
  | "undocumented-status"
  | "slow"
  | "server-error"
  | "accept-negative"
  | "unnamed-field"
  | "unsigned-response"
  | "html-content-type"
  | "reset";

export interface TestServer {
  url: string;
  /** Bodies of every request received, in arrival order. */
  bodies: { path: string; body: string }[];
  close(): Promise<void>;
}

interface Identity {
  clientId: string;
  secretKey: string;
  publicKeyPem: string;
}

export async function startTestServer(
  id: Identity,
  defects: readonly Defect[] = [],
  slowMs = 200,
): Promise<TestServer> {
  const has = (d: Defect) => defects.includes(d);
  const tokens = new Set<string>();
  const externalIds = new Set<string>();
  const requestIds = new Set<string>();
  const bodies: TestServer["bodies"] = [];
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "Content-Type": has("html-content-type") ? "text/html" : "application/json",
      ...headers,
    });
    res.end(text);
    return text;
  };
  const snapError = (res: ServerResponse, status: number, svc: string, caseCode: string, message: string) =>
    json(res, status, { responseCode: `${status}${svc}${caseCode}`, responseMessage: message });

  const validate = (key: string, body: unknown) => {
    const v = bundle.validators[key]!;
    if (has("accept-negative") || v(body)) return undefined;
    const e = v.errors![0]!;
    const field =
      e.keyword === "required"
        ? String(e.params.missingProperty)
        : e.instancePath.slice(1).replace(/\//g, ".");
    return { caseCode: e.keyword === "required" ? "02" : "01", field };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const path = req.url ?? "/";
    bodies.push({ path, body: raw });
    if (has("reset") && bodies.length % 7 === 0) {
      req.socket.destroy();
      return "";
    }
    if (has("slow")) await new Promise((r) => setTimeout(r, slowMs));
    let body: unknown;
    try {
      body = raw === "" ? undefined : JSON.parse(raw);
    } catch {
      return snapError(res, 400, "27", "00", "Bad Request");
    }
    const received = { method: req.method ?? "GET", path, headers: req.headers, body: raw };
    if (path === "/authorization/v1/access-token/b2b") {
      const verdict = verifyRequest(received, {
        auth: "snap-asymmetric-token",
        credentials: { clientId: id.clientId, publicKey: id.publicKeyPem },
      });
      if (!verdict.ok && !has("accept-bad-signature"))
        return snapError(res, 401, "73", "00", "Unauthorized. Invalid Signature");
      const bad = validate("snapGetTokenB2b.request.body", body);
      if (bad) return snapError(res, 400, "73", bad.caseCode, `Invalid Field Format {${bad.field}}`);
      const token = randomUUID();
      tokens.add(token);
      return json(res, 200, {
        responseCode: "2007300",
        responseMessage: "Successful",
        accessToken: token,
        tokenType: "Bearer",
        expiresIn: 900,
      });
    }
    if (path === "/va/create") {
      const verdict = verifyRequest(received, {
        auth: "snap-symmetric",
        credentials: { secretKey: id.secretKey },
        accessToken: (t) => tokens.has(t),
      });
      if (!verdict.ok && !has("accept-bad-signature"))
        return snapError(
          res,
          401,
          "27",
          verdict.rule === "token-unknown" ? "01" : "00",
          "Unauthorized. Signature Not Match",
        );
      const bad = validate("snapCreateVa.request.body", body);
      if (bad) {
        const message = has("unnamed-field")
          ? "Invalid Field Format"
          : `${bad.caseCode === "02" ? "Invalid Mandatory Field" : "Invalid Field Format"} {${bad.field}}`;
        return snapError(res, 400, "27", bad.caseCode, message);
      }
      const externalId = String(req.headers["x-external-id"] ?? "");
      if (externalIds.has(externalId) && !has("accept-bad-signature"))
        return snapError(res, 409, "27", "00", "Conflict");
      externalIds.add(externalId);
      if (has("server-error")) return json(res, 500, { error: "boom" });
      if (has("undocumented-status"))
        return json(res, 418, { responseCode: "4182700", responseMessage: "teapot" });
      const data = body as { trxId: string; virtualAccountName: string };
      const answer: Record<string, unknown> = {
        responseCode: has("wrong-service-code")
          ? "2002600"
          : has("ok-with-error-code")
            ? "4002701"
            : "2002700",
        responseMessage: "Successful",
        virtualAccountData: {
          trxId: has("wrong-type") ? 12345 : data.trxId,
          virtualAccountName: has("too-long-field") ? "x".repeat(11) : data.virtualAccountName,
        },
      };
      if (has("missing-response-code")) delete answer.responseCode;
      return json(res, 200, answer);
    }
    if (path === "/doku-virtual-account/v2/payment-code") {
      const verdict = verifyRequest(received, {
        auth: "nonsnap-hmac",
        credentials: { clientId: id.clientId, secretKey: id.secretKey },
      });
      if (!verdict.ok && !has("accept-bad-signature"))
        return json(res, 401, { error: { code: "invalid_signature" } });
      const bad = validate("dokuVaCreatePaymentCode.request.body", body);
      if (bad) return json(res, 400, { error: { code: "invalid_field", field: bad.field } });
      const requestId = String(req.headers["request-id"] ?? "");
      const status = requestIds.has(requestId) && !has("accept-bad-signature") ? 409 : 200;
      requestIds.add(requestId);
      const text = JSON.stringify({ order: (body as { order: unknown }).order });
      const signed = signNonSnapResponse({
        clientId: id.clientId,
        requestId,
        target: path,
        body: text,
        secretKey: id.secretKey,
      });
      res.writeHead(status, {
        "Content-Type": "application/json",
        ...(has("unsigned-response") ? {} : signed),
      });
      res.end(text);
      return text;
    }
    return json(res, 404, { error: "no route" });
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      handle(req, res, Buffer.concat(chunks).toString("utf8")).catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
