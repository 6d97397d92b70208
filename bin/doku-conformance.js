#!/usr/bin/env node
// Entry point: hands argv to the compiled composition root, bundled for start-up (dist/cli/, written by
// `npm run build`; npm ci and npm pack run it through the prepare and prepack hooks). No TypeScript loader
// at run time.
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/cli.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("doku-conformance: dist/ is missing; run npm run build in the package checkout\n");
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
