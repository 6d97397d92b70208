/**
 * certifyHandler: the callback certification (`doku-conformance callback`) against a fetch-style handler
 * in-process — no port, no network. Resolves to the certification summary (never throws for violations);
 * replays go to a temporary directory unless `outputDir` is given.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { certifyCallback } from "../callbacks/certify.js";
import type { CertifyOptions } from "../callbacks/options.js";
import type { CertificationSummary } from "../callbacks/summary.js";
import type { SpecBundle } from "../model/operation.js";
import { type FetchHandler, handlerTransport } from "./handler-transport.js";

/** certifyCallback's options without what certifyHandler supplies (bundle, flow, transport); url optional. */
export type CertifyHandlerOptions = Omit<CertifyOptions, "bundle" | "flow" | "transport" | "url"> & {
  /** The URL the handler sees (default http://merchant.test/callback); never contacted. */
  url?: string;
};

/** Plays DOKU's `flow` against `handler` in-process and returns the certification summary. */
export async function certifyHandler(
  bundle: SpecBundle,
  flow: string,
  handler: FetchHandler,
  options: CertifyHandlerOptions,
): Promise<CertificationSummary> {
  const outputDir = options.outputDir ?? (await mkdtemp(join(tmpdir(), "doku-certify-")));
  return certifyCallback({
    ...options,
    bundle,
    flow,
    url: options.url ?? "http://merchant.test/callback",
    outputDir,
    transport: handlerTransport(handler),
  });
}
