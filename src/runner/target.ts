/**
 * Where the suite runs: the embedded mock (started by the MockStarter with its generated identity, stopped at the
 * end), the DOKU sandbox, or any http(s) base URL. The sandbox is "any base URL" with a fixed address; the
 * production host is refused for data-changing runs unless allowed.
 */
import { UsageError } from "../model/errors.js";
import type { SpecBundle } from "../model/operation.js";
import { privateKeyFromPem } from "../signatures/keys.js";
import { credentialsFromEnv, type RunCredentials } from "./credentials.js";
import { isProductionUrl } from "./host.js";

export const SANDBOX_URL = "https://api-sandbox.doku.com";
export { PRODUCTION_HOST } from "./host.js";

/** What the runner needs from a started mock (src/mock startMock). */
export interface StartedMock {
  url: string;
  identity: { clientId: string; secretKey: string; merchantPrivateKeyPem?: string };
  close(): Promise<void>;
}

export type MockStarter = (options: { bundle: SpecBundle }) => Promise<StartedMock>;

export interface ResolvedTarget {
  /** What reports show: "mock", "sandbox" or the URL. */
  name: string;
  baseUrl: string;
  credentials: RunCredentials;
  /** True for api.doku.com in any spelling (runner/host.ts). */
  production: boolean;
  close(): Promise<void>;
}

export interface TargetRequest {
  target: string;
  bundle: SpecBundle;
  env: Readonly<Record<string, string | undefined>>;
  /** True when a selected operation is SNAP (the private key is then required). */
  needPrivateKey: boolean;
  startMock: MockStarter;
}

/** Resolves and, for the mock, starts the target. */
export async function resolveTarget(request: TargetRequest): Promise<ResolvedTarget> {
  if (request.target === "mock") return mockTarget(request);
  const base = request.target === "sandbox" ? SANDBOX_URL : request.target;
  const baseUrl = trimSlash(request.env.DOKU_BASE_URL || base);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError(`--target ${request.target}: expected mock, sandbox or an http(s) URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`--target ${request.target}: only http and https URLs are supported`);
  }
  const credentials = await credentialsFromEnv(request.env, request.needPrivateKey, request.target);
  return {
    // Reports name where requests really went: DOKU_BASE_URL overrides the sandbox URL too.
    name: request.target === "sandbox" && !request.env.DOKU_BASE_URL ? "sandbox" : baseUrl,
    baseUrl,
    credentials,
    // Canonical host: `https://API.doku.com.:443`, `https://u@api.doku.com` and IDNA spellings are production.
    production: isProductionUrl(url),
    close: async () => {},
  };
}

async function mockTarget(request: TargetRequest): Promise<ResolvedTarget> {
  const mock = await request.startMock({ bundle: request.bundle });
  const { clientId, secretKey, merchantPrivateKeyPem } = mock.identity;
  const credentials: RunCredentials = { clientId, secretKey };
  if (merchantPrivateKeyPem) {
    credentials.privateKeyPem = merchantPrivateKeyPem;
    credentials.privateKey = privateKeyFromPem(merchantPrivateKeyPem, "mock identity private key");
  }
  return {
    name: "mock",
    baseUrl: trimSlash(mock.url),
    credentials,
    production: false,
    close: () => mock.close(),
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
