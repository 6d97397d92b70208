/**
 * The neutral target of the benchmarks: a node:http server on 127.0.0.1 that answers every path 200 with the
 * first documented 2xx example of the operation at that path (the token path gets its token sample): no
 * signature checks, no state, so a run against it measures the runner, not a target. It counts the requests
 * it answers per path and those its HTTP parser refuses, so a bench can check what a spawned tool really sent.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { SpecBundle } from "../src/model/operation.js";

export interface Neutral {
  url: string;
  /** Requests answered so far whose path (query ignored) passes `match`; every request when none is given. */
  requests(match?: (path: string) => boolean): number;
  /** Requests node's HTTP parser refused with 400 before a handler saw them (e.g. a control character in a header). */
  refused(): number;
  close(): void;
}

export async function startNeutral(bundle: SpecBundle): Promise<Neutral> {
  const bodyOf = (path: string): string => {
    const found = bundle.operations.find(
      (o) => o.kind === "path" && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
    );
    const ok = found?.responses.find((r) => r.status.startsWith("2"));
    return JSON.stringify(ok?.examples[0]?.value ?? {});
  };
  const bodies = new Map<string, string>();
  const served = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      served.set(path, (served.get(path) ?? 0) + 1);
      const body = bodies.get(path) ?? bodyOf(path);
      bodies.set(path, body);
      res.writeHead(200, { "Content-Type": "application/json" }).end(body);
    });
  });
  let refused = 0;
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!error.code?.startsWith("HPE_") || !socket.writable) return socket.destroy();
    refused++;
    socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: (match = () => true) =>
      [...served].reduce((sum, [path, n]) => (match(path) ? sum + n : sum), 0),
    refused: () => refused,
    close: () => server.close(),
  };
}
