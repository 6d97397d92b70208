#!/usr/bin/env node
// Entry point: runs the compiled composition root, bundled into one CommonJS file for start-up
// (dist/cli/cli.cjs, written by `npm run build`; npm ci and npm pack run it through the prepare and prepack
// hooks), from a V8 code cache when there is one (dist/conformance/code-cache.js says where, and how to turn
// it off). No TypeScript loader at run time.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/cli/cli.cjs", import.meta.url);
const loader = new URL("../dist/conformance/code-cache.js", import.meta.url);
if (!existsSync(entry) || !existsSync(loader)) {
  process.stderr.write("doku-conformance: dist/ is missing; run npm run build in the package checkout\n");
  process.exit(2);
}
const argv = process.argv.slice(2);
const [{ lowerHelperThreads }, { codeCacheDir, requireCached }] = await Promise.all([
  import(new URL("../dist/conformance/helper-threads.js", import.meta.url).href),
  import(loader.href),
]);
// Before the command: the threads Node started so far (V8's helpers) yield to the main thread (Linux).
const priority = lowerHelperThreads(process.env);
if ("error" in priority) {
  process.stderr.write(`doku-conformance: ${priority.error}\n`);
  process.exit(2);
}
// Each command caches what it compiled (`--help` compiles little of what `run` needs).
const command = argv.find((arg) => !arg.startsWith("-")) ?? "help";
const cli = requireCached(fileURLToPath(entry), codeCacheDir(process.env), command);
if (argv.includes("--debug")) {
  process.stderr.write(`doku-conformance: code cache ${cli.status}${cli.file ? ` (${cli.file})` : ""}\n`);
  const threads =
    "lowered" in priority ? `${priority.lowered} lowered` : `left as they are (${priority.skipped})`;
  process.stderr.write(`doku-conformance: helper threads ${threads}\n`);
}
const code = await cli.exports.main(argv);
cli.save();
process.exitCode = code;
