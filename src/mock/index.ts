/**
 * The embedded DOKU mock: a node:http server that authenticates like DOKU (SNAP token + HMAC-SHA512
 * signatures, non-SNAP HMAC-SHA256 + Digest), validates with the spec, keeps VA / payment-code state in
 * memory and answers success bodies from Stoplight Prism (spec examples; `Prefer: dynamic=true` for
 * generated data) made consistent with the request. Serves every merchant -> DOKU operation (`paths`).
 */

import type { MockContext } from "./context.js";
import { createDispatcher } from "./dispatch.js";
import { checkBehaviours } from "./handlers/index.js";
import { checkIdentity, generateIdentityAsync, type MockIdentity } from "./identity.js";
import { type MockOptions, resolveSettings } from "./options.js";
import { createPrismMocker } from "./prism.js";
import { createRouter } from "./routes.js";
import { closeServer, createMockServer, listen } from "./server.js";
import { MockState } from "./state.js";
import { createTokenIssuer } from "./tokens.js";

export interface RunningMock {
  /** Base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  host: string;
  port: number;
  /** The merchant identity requests must be signed with. */
  identity: MockIdentity;
  /** In-memory state (VAs, payment codes, used external ids), for tests and the payment simulator. */
  state: MockState;
  /** The mock's clock (epoch ms): what check status compares expiry with. */
  clock: () => number;
  /** Stops the server and ends every open connection; safe to call twice. */
  close(): Promise<void>;
}

/** Starts the mock; rejects with a TargetError when it cannot listen (port in use, ...). */
export async function startMock(options: MockOptions): Promise<RunningMock> {
  checkBehaviours(options.bundle.operations);
  const given = options.identity && checkIdentity(options.identity, "mock identity");
  const settings = resolveSettings(options);
  // A generated identity's key pair is made on the thread pool while Prism loads.
  const generated = given ? undefined : generateIdentityAsync();
  generated?.catch(() => {});
  const prism = await createPrismMocker(options.bundle.document);
  const identity = given ?? checkIdentity(await (generated as Promise<MockIdentity>), "mock identity");
  const ctx: MockContext = {
    bundle: options.bundle,
    identity,
    settings,
    state: new MockState(settings.stateLimit),
    prism,
    tokens: createTokenIssuer(settings.tokenTtlSeconds),
    clock: options.clock ?? Date.now,
  };
  const onError = options.onError ?? (() => {});
  const dispatch = createDispatcher(ctx, createRouter(options.bundle.operations), onError);
  const intercept = options.intercept;
  const server = createMockServer(
    settings,
    intercept === undefined
      ? dispatch
      : (req, res) => {
          if (!intercept(req, res)) dispatch(req, res);
        },
  );
  const host = options.host ?? "127.0.0.1";
  const address = await listen(server, host, options.port ?? 0);
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${address.port}`,
    host: address.address,
    port: address.port,
    identity,
    state: ctx.state,
    clock: ctx.clock,
    close: () => {
      closing ??= closeServer(server);
      return closing;
    },
  };
}

export { ddStore, type PaymentRecord } from "./handlers/dd-store.js";
export type { MockIdentity } from "./identity.js";
export { generateIdentity } from "./identity.js";
export { type ResolvedIdentity, resolveIdentity } from "./identity-source.js";
export type { MockOptions } from "./options.js";
export type {
  MockState,
  PaymentCodeRecord,
  SettledPayment,
  Settlement,
  VaRecord,
} from "./state.js";
export { vaKey } from "./state.js";
