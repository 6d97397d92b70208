/** The phases of a run, in the order they are planned and reported. */
import type { Phase } from "../model/case.js";

export const PHASES: readonly Phase[] = ["examples", "boundary", "property", "negative", "signature"];
