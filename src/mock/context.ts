/** What every part of the mock shares (one per running instance), and one received call. */
import type { IncomingHttpHeaders } from "node:http";
import type { Operation, SpecBundle } from "../model/operation.js";
import { headerValue } from "../signatures/headers.js";
import type { MockIdentity } from "./identity.js";
import type { MockSettings } from "./options.js";
import type { Preferences } from "./prefer.js";
import type { PrismMocker } from "./prism.js";
import type { MockState } from "./state.js";
import type { TokenIssuer } from "./tokens.js";

export interface MockContext {
  bundle: SpecBundle;
  identity: MockIdentity;
  settings: MockSettings;
  state: MockState;
  prism: PrismMocker;
  tokens: TokenIssuer;
  clock: () => number;
}

/** A routed request with its raw body: signatures are checked over `target` and `raw` exactly as received. */
export interface Call {
  op: Operation;
  method: string;
  /** Path and query exactly as received (the signed request target). */
  target: string;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  prefs: Preferences;
  /** The clock reading for this call. */
  now: number;
}

/** A header's value (first one of a list). */
export function header(call: Call, name: string): string | undefined {
  return headerValue(call.headers, name);
}
