import { describe, expect, it } from "vitest";
import { classifyFailure } from "./command-outcome.js";

describe("failed calls", () => {
  it("tell the engine the charger's own error text, but label the metric from a fixed set", () => {
    const callError = classifyFailure({ rpcErrorCode: "InternalError", message: "relay 3 stuck" }, false);
    expect(callError.outcome).toEqual({ status: "Rejected", reason: "InternalError: relay 3 stuck" });
    expect(callError.label).toBe("call-error");
    expect(classifyFailure(new Error("socket closed"), false).label).toBe("offline");
    expect(classifyFailure(new Error("no answer"), true).label).toBe("timeout");
    expect(classifyFailure({ rpcErrorCode: "NotImplemented" }, false).label).toBe("NotImplemented");
  });
});
