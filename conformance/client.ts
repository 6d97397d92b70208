/**
 * `createDokuClient({ baseUrl, credentials })`: the engine's typed client (src/client) bound to the DOKU
 * specs: `paths` from generated/types.ts types every path, body and answer; the operation table and
 * validators from generated/ (loaded on the first call) give each call its signature scheme, headers and
 * validation. No generic, no auth table.
 */
import type { paths } from "../generated/types.js";
import { createTypedClient, type DokuClient, type DokuClientOptions } from "../src/client/create-client.js";
import { loadSpecBundle } from "./bundle.js";

/** The DOKU merchant -> DOKU operations, typed from the specs. */
export type DokuPaths = paths;

/** A client for every operation in the specs, each call signed, filled and (optionally) validated. */
export function createDokuClient(options: DokuClientOptions): DokuClient<DokuPaths> {
  return createTypedClient<DokuPaths>({ ...options, bundle: loadSpecBundle });
}
