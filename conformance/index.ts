/** Package entry: the engine API plus the DOKU spec bundle generated from specs/. */
export * from "../src/index.js";
/** Loads generated/: the operation table, standalone validators and the bundled OpenAPI document. */
export { loadSpecBundle } from "./bundle.js";
