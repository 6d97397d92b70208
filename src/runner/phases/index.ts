/** The phase planners, by phase name, in run order. */
import type { Phase } from "../../model/case.js";
import { boundary } from "./boundary.js";
import type { PhasePlanner } from "./context.js";
import { examples } from "./examples.js";
import { negative } from "./negative.js";
import { property } from "./property.js";
import { signature } from "./signature.js";

export const PLANNERS: Readonly<Record<Phase, PhasePlanner>> = {
  examples,
  boundary,
  property,
  negative,
  signature,
};
export type { PhaseContext, PhasePlanner } from "./context.js";
