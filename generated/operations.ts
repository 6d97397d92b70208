// generated from specs/ by `npm run generate` — do not edit
/* eslint-disable */
import { readFileSync } from "node:fs";
import type { Operation } from "../src/model/operation.js";

export const operations: readonly Operation[] = JSON.parse(
  readFileSync(new URL("./operations.json", import.meta.url), "utf8"),
) as readonly Operation[];
