/**
 * Shared setup of the Node SDK tests: the embedded mock, DOKU's official Node SDK (doku-nodejs-library, the
 * pinned devDependency) pointed at it, and a step wrapper that names the SDK call and the mock's answer.
 *
 * Runtime workaround (SDK bug, not a kit choice): the SDK hard-codes its base URL
 * (Config.CORE_SANDBOX_BASE_URL = https://api-sandbox.doku.com, no option to change it), so the harness points
 * that static field at the mock. Each vitest file runs in its own worker, so the field is per file.
 */
import { createRequire } from "node:module";
import { loadSpecBundle } from "../../conformance/bundle.js";
import { type RunningMock, startMock } from "../../src/mock/index.js";

/** A JSON object as the SDK returns it. */
export type Json = Record<string, unknown>;
/** A constructor exported by the SDK (it ships no types). */
export type Ctor = new (...args: unknown[]) => Json;
const require = createRequire(import.meta.url);

/** Loads one module of the SDK by its path inside the package. */
export const sdk = (path: string): Json => require(`doku-nodejs-library/${path}`) as Json;

/** Starts the mock and a Snap client of the SDK pointed at it. */
export async function startSdk<Client>(): Promise<{ mock: RunningMock; snap: Client }> {
  const mock = await startMock({ bundle: await loadSpecBundle() });
  const Config = sdk("_commons/config.js") as unknown as { CORE_SANDBOX_BASE_URL: string };
  Config.CORE_SANDBOX_BASE_URL = mock.url;
  const { Snap } = require("doku-nodejs-library") as { Snap: Ctor };
  const snap = new Snap({
    isProduction: false,
    privateKey: mock.identity.merchantPrivateKeyPem,
    clientID: mock.identity.clientId,
    secretKey: mock.identity.secretKey,
  }) as unknown as Client;
  // The constructor requests a B2B token without awaiting it; this one settles before any test can close the mock.
  await (snap as unknown as { getTokenB2B(): Promise<unknown> }).getTokenB2B();
  return { mock, snap };
}

/** Runs one SDK call; an axios error becomes an error naming the step and DOKU's (the mock's) answer. */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const response = (error as { response?: { status?: number; data?: unknown; config?: { url?: string } } })
      .response;
    if (!response) throw error;
    throw new Error(`${name}: ${response.status} ${JSON.stringify(response.data)} (${response.config?.url})`);
  }
}
