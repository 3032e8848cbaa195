import { describe, expect, it } from "vitest";
import { failureLabel, outcomeOfFailure } from "./command-outcome.js";

describe("failed calls", () => {
  it("tell the engine the charger's own error text, but label the metric from a fixed set", () => {
    const callError = outcomeOfFailure({ rpcErrorCode: "InternalError", message: "relay 3 stuck" }, false);
    expect(callError).toEqual({ status: "Rejected", reason: "InternalError: relay 3 stuck" });
    expect(failureLabel(callError)).toBe("call-error");
    expect(failureLabel(outcomeOfFailure(new Error("socket closed"), false))).toBe("offline");
    expect(failureLabel(outcomeOfFailure(new Error("no answer"), true))).toBe("timeout");
    expect(failureLabel(outcomeOfFailure({ rpcErrorCode: "NotImplemented" }, false))).toBe("NotImplemented");
  });
});
