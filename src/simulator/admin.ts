/**
 * The simulator's admin routes on the mock (docs/simulator.md):
 *   GET  /_simulator                 the page (page.ts)
 *   GET  /_simulator/api/state       { items, deliveries }
 *   POST /_simulator/api/simulate    { action, id, amount?, family? } -> { item, deliveries } | { error }
 *   GET  /checkout/link/<token>      the stand-in for DOKU's hosted Checkout page (checkout-page.ts)
 * On only when the mock listens on a loopback address (or with `enabled` forced: `mock --simulator`);
 * otherwise every /_simulator path answers 404. Requests must name the mock itself in Host (no DNS
 * rebinding), and a POST must be JSON and, when the browser says where it comes from (Origin,
 * Sec-Fetch-Site), come from the mock's own origin: a cross-origin page cannot pay or expire anything (CSRF).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkoutLinkPage } from "./checkout-page.js";
import { SIMULATOR_PAGE_HTML } from "./page.js";
import { SimulateError, type SimulateRequest, type Simulator } from "./simulator.js";

const PREFIX = "/_simulator";
/** The path of the payment URLs the mock's Checkout hands out (src/mock/handlers/checkout.ts). */
const CHECKOUT_LINK = "/checkout/link/";
const BODY_LIMIT = 64 * 1024;

export interface AdminOptions {
  simulator: () => Simulator | undefined;
  /** The mock's address and port as bound. */
  address: () => { host: string; port: number } | undefined;
  /** Serve the routes even on a non-loopback address (`mock --simulator`). */
  force: boolean;
}

/** True for 127.0.0.0/8, ::1 and ::ffff:127.x. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "::1" || h === "localhost" || /^(::ffff:)?127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(h);
}

/** The mock's `intercept`: answers /_simulator paths, leaves every other request to the mock. */
export function adminRoutes(options: AdminOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith(CHECKOUT_LINK)) return checkoutLink(options, req, res, path);
    if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) return false;
    handle(options, req, res, path).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { error: `simulator failed: ${(error as Error).message}` });
      else res.destroy();
    });
    return true;
  };
}

async function handle(options: AdminOptions, req: IncomingMessage, res: ServerResponse, path: string) {
  const address = options.address();
  const simulator = options.simulator();
  if (address === undefined || simulator === undefined || (!options.force && !isLoopback(address.host))) {
    req.resume();
    json(res, 404, {
      error:
        "the simulator is off: the mock does not listen on a loopback address (start it with --simulator to allow it)",
    });
    return;
  }
  const refusal = originRefusal(req, address);
  if (refusal !== undefined) {
    req.resume();
    json(res, 403, { error: refusal });
    return;
  }
  const method = (req.method ?? "GET").toUpperCase();
  if (path === PREFIX || path === `${PREFIX}/`) {
    req.resume();
    if (method !== "GET")
      return json(res, 405, { error: `${method} is not allowed on ${path}` }, { Allow: "GET" });
    return send(res, 200, SIMULATOR_PAGE_HTML, "text/html; charset=utf-8");
  }
  if (path === `${PREFIX}/api/state`) {
    req.resume();
    if (method !== "GET")
      return json(res, 405, { error: `${method} is not allowed on ${path}` }, { Allow: "GET" });
    return json(res, 200, { items: simulator.items(), deliveries: simulator.deliveries });
  }
  if (path === `${PREFIX}/api/simulate`) {
    if (method !== "POST") {
      req.resume();
      return json(res, 405, { error: `${method} is not allowed on ${path}` }, { Allow: "POST" });
    }
    const type = String(req.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim()
      .toLowerCase();
    if (type !== "application/json") {
      req.resume();
      return json(res, 415, { error: "send the action as Content-Type: application/json" });
    }
    const text = await readText(req);
    if (text === undefined) return json(res, 413, { error: `the body is over ${BODY_LIMIT} bytes` });
    let body: Partial<SimulateRequest>;
    try {
      body = JSON.parse(text) as Partial<SimulateRequest>;
    } catch {
      return json(res, 400, { error: "the body is not JSON: {action, id, amount?}" });
    }
    if (typeof body !== "object" || body === null || Array.isArray(body))
      return json(res, 400, { error: "the body must be a JSON object: {action, id, amount?}" });
    try {
      const result = await simulator.act({
        action: String(body.action ?? ""),
        id: typeof body.id === "string" ? body.id : "",
        amount: typeof body.amount === "number" || typeof body.amount === "string" ? body.amount : undefined,
        family: typeof body.family === "string" ? body.family : undefined,
      });
      return json(res, 200, result);
    } catch (error) {
      if (error instanceof SimulateError) return json(res, error.status, { error: error.message });
      throw error;
    }
  }
  req.resume();
  json(res, 404, { error: `no simulator route ${method} ${path}` });
}

/**
 * GET /checkout/link/<token> where the simulator is on: the stand-in page (404 for an unknown token). Where it
 * is off, or for another method, the request is left to the mock.
 */
function checkoutLink(
  options: AdminOptions,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): boolean {
  const address = options.address();
  const simulator = options.simulator();
  const method = (req.method ?? "GET").toUpperCase();
  if (address === undefined || simulator === undefined || (!options.force && !isLoopback(address.host)))
    return false;
  if (method !== "GET" && method !== "HEAD") return false;
  req.resume();
  const refusal = originRefusal(req, address);
  if (refusal !== undefined) {
    json(res, 403, { error: refusal });
    return true;
  }
  let token: string;
  try {
    token = decodeURIComponent(path.slice(CHECKOUT_LINK.length));
  } catch {
    token = path.slice(CHECKOUT_LINK.length);
  }
  const item = token === "" ? undefined : simulator.item(token);
  const order = item?.kind === "order" ? item : undefined;
  send(res, order === undefined ? 404 : 200, checkoutLinkPage(token, order), "text/html; charset=utf-8", {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
  });
  return true;
}

/** Why a request is not from the mock's own origin, or undefined when it is. */
export function originRefusal(
  req: Pick<IncomingMessage, "headers" | "method">,
  address: { host: string; port: number },
): string | undefined {
  const host = String(req.headers.host ?? "").toLowerCase();
  const loopback = isLoopback(address.host);
  const names = loopback ? ["127.0.0.1", "localhost", "[::1]"] : [];
  const bound = address.host.includes(":") ? `[${address.host}]` : address.host;
  const own = new Set([bound, ...names].map((n) => `${n.toLowerCase()}:${address.port}`));
  // Forced on a public address (--simulator): the name clients use is not known; the port must match.
  if (!loopback && host.endsWith(`:${address.port}`)) own.add(host);
  if (!own.has(host)) return `Host ${host || "(none)"} is not this mock (${[...own].join(", ")})`;
  const method = (req.method ?? "GET").toUpperCase();
  if (method === "GET" || method === "HEAD") return undefined;
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string" && site !== "same-origin" && site !== "none")
    return `a ${site} request cannot drive the simulator (Sec-Fetch-Site)`;
  const origin = req.headers.origin;
  if (origin !== undefined && !own.has(origin.toLowerCase().replace(/^http:\/\//, "")))
    return `Origin ${origin} is not this mock: cross-origin requests cannot drive the simulator`;
  if (origin !== undefined && !origin.toLowerCase().startsWith("http://"))
    return `Origin ${origin} is not this mock: cross-origin requests cannot drive the simulator`;
  return undefined;
}

function readText(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(body), "application/json", headers);
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    ...headers,
  });
  res.end(body);
}
