import { describe, expect, it } from "vitest";
import { resolveTarget } from "./target.js";
import { errorField } from "./test-support/assertions.js";

describe("resolveTarget", () => {
  it("puts station max profiles on 0 and refuses any other connector", () => {
    expect(resolveTarget("connectorId", "stationMax", "ChargePointMaxProfile", undefined, 3)).toBe(0);
    expect(errorField(() => resolveTarget("connectorId", "stationMax", "ChargePointMaxProfile", 2, 3))).toBe(
      "connectorId",
    );
  });

  it("puts transaction profiles on the session's connector and refuses 0", () => {
    expect(resolveTarget("evseId", "tx", "TxProfile", undefined, 3)).toBe(3);
    expect(errorField(() => resolveTarget("evseId", "tx", "TxProfile", undefined, 0))).toBe("evseId");
    expect(errorField(() => resolveTarget("evseId", "tx", "TxProfile", 0, 3))).toBe("evseId");
  });

  it("lets default profiles address the whole station or one connector", () => {
    expect(resolveTarget("connectorId", "txDefault", "TxDefaultProfile", 0, 3)).toBe(0);
    expect(resolveTarget("connectorId", "txDefault", "TxDefaultProfile", undefined, 3)).toBe(3);
    expect(errorField(() => resolveTarget("connectorId", "txDefault", "TxDefaultProfile", -1, 3))).toBe(
      "connectorId",
    );
  });
});
