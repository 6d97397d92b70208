/**
 * The engine's public API: each export named, one line of TSDoc each, no `export *`.
 * The package entry (conformance/index.ts) adds `loadSpecBundle()`, which wires in generated/.
 */

/** fast-check Arbitraries of request / response bodies for a schema slot. */
export { requestBodyArbitrary, responseBodyArbitrary } from "./arbitraries/body.js";
// arbitraries
/** fast-check Arbitrary of whole request cases of an operation (valid | boundary | negative). */
export { boundaryCases, caseArbitrary, negativeCases } from "./arbitraries/case.js";
// callbacks
/** Certifies a merchant's callback endpoint for one flow (the kit plays DOKU). */
export { certifyCallback } from "./callbacks/certify.js";
/** The callback flows a spec bundle declares (`x-doku-flow` on its webhooks), by CLI name. */
export { flowsOf } from "./callbacks/flows.js";
// cli
/** argv -> command -> exit code (CONTRACT.md exit codes). */
export { runCli } from "./cli/main.js";
/** Base URL presets (sandbox, production). */
export { BASE_URLS } from "./client/base-url.js";
/** Client types. */
export type { DokuClient, DokuClientOptions, TypedClientOptions } from "./client/create-client.js";
// client
/** The engine's typed client, generic in `paths` and given the bundle (the package entry's createDokuClient fixes both). */
export { createTypedClient, DEFAULT_TIMEOUT_MS } from "./client/create-client.js";
/** DokuError's kinds and the parts of a responseCode. */
export type { DokuErrorKind, ResponseCodeParts } from "./client/doku-error.js";
/** What a failed client call throws: SNAP responseCode parsed into HTTP status, service and case; the operation named. */
export { DokuError, parseResponseCode } from "./client/doku-error.js";
/** Which calls the client validates against the spec (request before sending, response after). */
export type { ValidateCalls } from "./client/operation-middleware.js";
/** Masks Authorization, signatures, keys and secrets for debug output. */
export { redactHeaders } from "./client/redact.js";
/** `paths` with the headers the signer (Unsigned) or the whole client (Prefilled) writes made optional. */
export type { Prefilled, Unsigned } from "./client/unsigned.js";
export type { RunEvent, RunListener, RunSummary } from "./engine/events.js";
/** Mock types. */
export type { RunningMock } from "./mock/index.js";
// mock
/** Starts the embedded, signature-verifying DOKU mock (Prism inside) on 127.0.0.1. */
export { startMock } from "./mock/index.js";
/** One request (case) and request + response (exchange). */
export type { Case, Exchange, Expectation, Phase } from "./model/case.js";
/** Kit errors: UsageError/SpecError exit 2, TargetError exit 3. */
export { KitError, SpecError, TargetError, UsageError } from "./model/errors.js";
/** The operation table, schema slots and validator set generated from specs/. */
export type {
  AuthScheme,
  DokuConflict,
  DokuRule,
  Operation,
  SchemaRef,
  SpecBundle,
  ValidatorSet,
} from "./model/operation.js";
// model
/** A contract breach as data (CONTRACT.md "A violation"). Kit errors are thrown instead. */
export type { Direction, Severity, Violation } from "./model/violation.js";
/** Turns conflict warnings into errors; true when any violation is an error. */
export { hasErrors, strictly } from "./model/violation.js";
// receiver
/** Receiver types: the request as adapters deliver it, the handler, the verdict, the answer. */
export type {
  AnswerOperation,
  CallbackHandler,
  CallbackInput,
  CallbackVerdict,
  DokuAnswer,
  IssuedTokens,
  ReceivedCallback,
  ReceiverCredentials,
  ReceiverScheme,
  RefusalRule,
} from "./receiver/index.js";
/** Verifies a DOKU call to the merchant over its raw bytes; `{ ok: false, status, reason }`, never a throw on bad input. */
/** Builds DOKU's answers from an operation-table row (responseCode from x-doku-service-code / x-doku-case-codes). */
/** Issues and recognises the bearer tokens the merchant gives DOKU at its token endpoint. */
/** Framework adapters that capture the raw body: node:http, Express, Fastify (structurally typed). */
export {
  DEFAULT_WINDOW_MS,
  expressCallbackHandler,
  fastifyCallbackRoutes,
  nodeCallbackHandler,
  nonSnapInquiryAnswer,
  nonSnapNotificationAck,
  refusalAnswer,
  snapAnswer,
  snapInquiryAnswer,
  snapNotificationAck,
  snapTokenAnswer,
  TokenIssuer,
  verifyDokuCallback,
} from "./receiver/index.js";
// reporters
/** Reporters by name (console | json | junit), each a RunListener; REPORT_SCHEMA describes report.json. */
export { createReporters, REPORTERS } from "./reporters/index.js";
export { REPORT_SCHEMA } from "./reporters/report-schema.js";
/** Runner types. */
export type { RunOptions } from "./runner/options.js";
/** What `RunOptions.planThread` takes: a starter of a thread drawing the plan (the package entry's planThreadStarter). */
export type { Drawn, PlanThreadStarter } from "./runner/plan-thread.js";
// runner
/** Runs the conformance suite; resolves to a summary, never throws on violations. */
export { assertConformance, runSuite } from "./runner/suite.js";
/** The callback authentication modes (snap-hmac, snap-rsa, bearer-only). */
export { CALLBACK_AUTH_MODES } from "./signatures/callback-modes.js";
/** SNAP minification: whitespace between JSON tokens removed, everything else byte for byte. */
export { minifyJson } from "./signatures/minify.js";
/** Signature types. */
export type { SignatureMutator } from "./signatures/mutators.js";
/** Named ways to break a signature on purpose (negative cases). */
export { findMutator, mutators, mutatorsFor } from "./signatures/mutators.js";
/** Signs / verifies the non-SNAP response signature (Response-Timestamp variant). */
export { signNonSnapResponse, verifyNonSnapResponse } from "./signatures/nonsnap-response.js";
// signatures
/** Signs a request for any DOKU scheme or callback mode, over the exact body bytes. */
export { signRequest } from "./signatures/request-signer.js";
/** Verifies a received request over its raw bytes (constant time, timestamp window). */
export { verifyRequest } from "./signatures/request-verifier.js";
/** DOKU -> merchant token handshake: RSA over clientId|timestamp with DOKU's key. */
export { signMerchantTokenRequest, verifyMerchantTokenRequest } from "./signatures/token-handshake.js";
/** The payment simulator: the mock plus DOKU's inquiry, token handshake and notifications to the merchant (docs/simulator.md). */
export {
  type Delivery,
  type Item,
  type RunningSimulator,
  type SimulateResult,
  type SimulatorOptions,
  startSimulator,
} from "./simulator/index.js";
// validation
/** Validates a request / response of an operation: schema, headers, path, x-doku-rules -> Violation[]. */
export {
  operationValidation,
  selectResponse,
  validateRequest,
  validateResponse,
} from "./validation/validate.js";
