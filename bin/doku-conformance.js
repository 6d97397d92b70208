#!/usr/bin/env node
// Entry point: registers the TypeScript loader, then hands argv to the composition root.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../conformance/cli.ts");
process.exitCode = await main(process.argv.slice(2));
