import { describe, expect, it } from "vitest";
import { validatorGroup } from "../../src/model/operation.js";

describe("validatorGroup", () => {
  it("is the operation id before the first dot, conflict alternatives included", () => {
    expect(validatorGroup("snapCreateVa.request.body")).toBe("snapCreateVa");
    expect(validatorGroup("snapCreateVa.response.200.body#conflict/0")).toBe("snapCreateVa");
    expect(validatorGroup("noDot")).toBe("noDot");
  });
});
