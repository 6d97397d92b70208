/**
 * The neutral target of the benchmarks: a node:http server on 127.0.0.1 that answers every path 200 with the
 * first documented 2xx example of the operation at that path (the token path gets its token sample): no
 * signature checks, no state, so a run against it measures the runner, not a target.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { SpecBundle } from "../src/model/operation.js";

export interface Neutral {
  url: string;
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
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const body = bodies.get(path) ?? bodyOf(path);
      bodies.set(path, body);
      res.writeHead(200, { "Content-Type": "application/json" }).end(body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}
