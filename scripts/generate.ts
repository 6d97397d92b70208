/** `npm run generate [-- --check]`: the same code path as `doku-conformance generate`. */
import { main } from "../conformance/cli.js";

process.exitCode = await main(["generate", ...process.argv.slice(2)]);
