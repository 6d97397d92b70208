/**
 * Simulator families by the `family` name of x-doku-simulate (specs/README.md). A family the spec names
 * without an entry here stops the simulator at start (checkFamilies), like an unknown x-doku-mock.
 */
import type { MockOptions } from "../../mock/index.js";
import { SpecError } from "../../model/errors.js";
import type { Operation } from "../../model/operation.js";
import type { Endpoints } from "../endpoints.js";
import { checkout } from "./checkout.js";
import { directDebit } from "./direct-debit.js";
import type { SimulatorFamily } from "./family.js";
import { nonSnapVa } from "./non-snap-va.js";
import { o2oAlfa, o2oIndomaret } from "./o2o.js";
import { snapVa } from "./snap-va.js";

export const SIMULATOR_FAMILIES: Readonly<Record<string, SimulatorFamily>> = {
  "snap-va": snapVa,
  "non-snap-va": nonSnapVa,
  checkout,
  "o2o-alfa": o2oAlfa,
  "o2o-indomaret": o2oIndomaret,
  "direct-debit": directDebit,
};

/**
 * Throws a SpecError for an x-doku-simulate family the simulator does not implement, or an inquiry flow on a
 * family that cannot ask the merchant (no inquiry bodies).
 */
export function checkFamilies(operations: readonly Operation[]): void {
  for (const op of operations) {
    const family = op.simulate?.family;
    if (family === undefined) continue;
    if (!Object.hasOwn(SIMULATOR_FAMILIES, family))
      throw new SpecError(
        `operation ${op.id}: x-doku-simulate family "${family}" is not a simulator family; known: ${Object.keys(SIMULATOR_FAMILIES).join(", ")}`,
        `${op.pointer}/x-doku-simulate/family`,
      );
    const impl = SIMULATOR_FAMILIES[family];
    if (op.simulate?.inquiry !== undefined && (impl?.inquiry === undefined || impl.fromInquiry === undefined))
      throw new SpecError(
        `operation ${op.id}: x-doku-simulate family "${family}" has no direct inquiry (DIPC) in the simulator, but the spec declares inquiry ${op.simulate.inquiry}`,
        `${op.pointer}/x-doku-simulate/inquiry`,
      );
  }
}

/** The mock options of every declared family that has a Notification URL (its own, a flow's, or the default). */
export function familyMockOptions(
  operations: readonly Operation[],
  endpoints: Endpoints,
): Partial<MockOptions> {
  const options: Partial<MockOptions> = {};
  for (const op of operations) {
    const declared = op.simulate;
    const family = declared === undefined ? undefined : SIMULATOR_FAMILIES[declared.family];
    if (declared === undefined || family?.mockOptions === undefined) continue;
    const flows = [declared.notification, ...Object.values(declared.notificationBy?.flows ?? {})];
    if (flows.some((flow) => endpoints.notifyUrl(declared.family, flow) !== undefined))
      Object.assign(options, family.mockOptions);
  }
  return options;
}
