// generated from specs/ by `npm run generate` — do not edit
/* eslint-disable */
import type { ValidatorSet } from "../src/model/operation.js";

export declare const validators: ValidatorSet;
