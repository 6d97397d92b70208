/**
 * A local DOKU that pays and notifies: the mock (src/mock) with the payment simulator on top. startSimulator
 * starts the mock with the admin routes (admin.ts) hooked in, and sends DOKU's webhooks to the merchant's
 * endpoints (endpoints.ts) when something is paid (simulator.ts, delivery.ts). A layer above callbacks: it
 * reuses the callback driver's DOKU-role signer, token handshake and checks.
 */
import type { KeyObject } from "node:crypto";
import { type DokuRoleKeys, dokuRoleKeys } from "../callbacks/doku-keys.js";
import { DEFAULT_CALLBACK_TIMEOUT_MS, DEFAULT_LATENCY_BUDGET_MS } from "../callbacks/options.js";
import { createHttpTransport, type Transport } from "../engine/transport.js";
import { type MockOptions, type RunningMock, startMock } from "../mock/index.js";
import { UsageError } from "../model/errors.js";
import { DEFAULT_CALLBACK_AUTH_MODE } from "../signatures/callback-modes.js";
import type { CallbackAuthMode } from "../signatures/types.js";
import { adminRoutes } from "./admin.js";
import { Deliverer } from "./delivery.js";
import { endpointsOf, type UrlTable } from "./endpoints.js";
import { checkFamilies, familyMockOptions } from "./families/index.js";
import { buildReport, type SimulatorReport, writeReport } from "./report.js";
import { Simulator } from "./simulator.js";
import type { Delivery } from "./types.js";

export interface SimulatorOptions extends Omit<MockOptions, "intercept"> {
  /** Notification URLs by simulator family ("*": every family without its own). */
  notifyUrls?: UrlTable;
  /** Inquiry URLs (direct inquiry, DIPC) by family. */
  inquiryUrls?: UrlTable;
  /** The merchant's token endpoint for SNAP families or flows (DOKU gets a token before each SNAP callback). */
  tokenUrls?: UrlTable;
  /** How SNAP callbacks are signed (default snap-hmac). */
  callbackAuth?: CallbackAuthMode;
  /** DOKU-role private key (PEM or KeyObject); default: generated, its public half in `dokuKeys`. */
  dokuPrivateKey?: KeyObject | string;
  /** Multiplies DOKU's retry delays; 0.001 turns 30 min / 6 h / 12 h into 1.8 s / 21.6 s / 43.2 s. Default 1. */
  retryScale?: number;
  /** The merchant's --ledger-url test hook: a redelivery acknowledged must have been applied once. */
  ledgerUrl?: string;
  /** Per-request timeout to the merchant, ms (default 30000). */
  timeoutMs?: number;
  /** Kit latency budget for the merchant's answers, ms (default 5000). */
  latencyBudgetMs?: number;
  /** Serve /_simulator even when the mock does not listen on a loopback address. */
  forceSimulator?: boolean;
  /** Write the log here as JSON when the simulator stops. */
  reportFile?: string;
  transport?: Transport;
  onDelivery?: (delivery: Delivery) => void;
}

export interface RunningSimulator extends RunningMock {
  simulator: Simulator;
  /** The DOKU-role key pair: the merchant verifies snap-rsa callbacks and the token request with its public half. */
  dokuKeys(): DokuRoleKeys;
  /** The log so far. */
  report(): SimulatorReport;
  /** Cancels pending retries, stops the mock, writes the report file when asked; safe to call twice. */
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  checkFamilies(options.bundle.operations);
  const retryScale = options.retryScale ?? 1;
  if (!(retryScale > 0) || !Number.isFinite(retryScale))
    throw new UsageError(`--retry-scale must be a positive number; got ${retryScale}`);
  let keys: DokuRoleKeys | undefined;
  const dokuKeys = () => {
    keys ??= dokuRoleKeys(options.dokuPrivateKey);
    return keys;
  };
  // A given key is read (and checked) now; a generated pair is made on first use (RSA-2048 takes a while).
  if (options.dokuPrivateKey !== undefined) dokuKeys();
  let simulator: Simulator | undefined;
  let address: { host: string; port: number } | undefined;
  const { notifyUrls, inquiryUrls, tokenUrls, forceSimulator, reportFile, ...mockOptions } = options;
  const endpoints = endpointsOf(notifyUrls ?? {}, inquiryUrls ?? {}, tokenUrls ?? {});
  const mock = await startMock({
    ...mockOptions,
    ...familyMockOptions(options.bundle.operations, endpoints),
    intercept: adminRoutes({
      simulator: () => simulator,
      address: () => address,
      force: forceSimulator === true,
    }),
  });
  address = { host: mock.host, port: mock.port };
  const transport = options.transport ?? createHttpTransport({ maxSockets: 4 });
  const deliverer = new Deliverer({
    bundle: options.bundle,
    transport,
    clientId: mock.identity.clientId,
    secretKey: mock.identity.secretKey,
    dokuKeys,
    callbackAuth: options.callbackAuth ?? DEFAULT_CALLBACK_AUTH_MODE,
    tokenUrl: endpoints.tokenUrl,
    ledgerUrl: options.ledgerUrl,
    timeoutMs: options.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS,
    latencyBudgetMs: options.latencyBudgetMs ?? DEFAULT_LATENCY_BUDGET_MS,
    retryScale,
    clock: mock.clock,
    ...(options.onDelivery === undefined ? {} : { onDelivery: options.onDelivery }),
  });
  const sim = new Simulator(options.bundle, mock, endpoints, deliverer);
  simulator = sim;
  const startedAt = new Date().toISOString();
  const report = () => buildReport(startedAt, sim.items(), sim.deliveries, deliverer.pending);
  let closing: Promise<void> | undefined;
  return {
    ...mock,
    simulator: sim,
    dokuKeys,
    report,
    close: () => {
      closing ??= (async () => {
        const pending = deliverer.pending;
        await deliverer.close();
        await mock.close();
        if (options.transport === undefined) await transport.close();
        if (reportFile !== undefined) {
          const final = buildReport(startedAt, sim.items(), sim.deliveries, pending);
          await writeReport(reportFile, final);
        }
      })();
      return closing;
    },
  };
}

export type { Endpoints, UrlTable } from "./endpoints.js";
export { parseUrlTable } from "./endpoints.js";
export { SIMULATOR_FAMILIES } from "./families/index.js";
export type { SimulatorReport } from "./report.js";
export { SimulateError, type SimulateRequest, Simulator } from "./simulator.js";
export type { Delivery, DeliveryCheck, Item, ItemPayment, SimulateResult } from "./types.js";
