/**
 * Package entry: the engine API plus the DOKU spec bundle generated from specs/. The engine API is named
 * export by export (with TSDoc) in src/index.ts; this entry re-exports it whole so the two cannot drift, and
 * adds the one thing src/ may not import: generated/.
 */
export * from "../src/index.js";
/** Loads generated/: the operation table, standalone validators and the bundled OpenAPI document. */
export { loadSpecBundle } from "./bundle.js";
/** The typed DOKU client: `createDokuClient({ baseUrl, credentials })`, every operation of the specs, no generic. */
export { createDokuClient, type DokuPaths } from "./client.js";
/** Draws runSuite's plans of PLAN_THREAD_MIN cases or more on a worker thread: `runSuite({ planThread: planThreadStarter() })`. */
export { planThreadStarter } from "./plan-thread.js";
/** The receiver's answer builders bound to the specs' operation table, typed by the generated types. */
export { dokuAnswers, type WebhookId, webhookOperation } from "./receiver.js";
