import { describe, expect, it } from "vitest";
import { OcppProfileError } from "./errors.js";

describe("OcppProfileError", () => {
  it("carries the field and names it in the message", () => {
    const error = new OcppProfileError("allocatedW", "must be a finite number, got NaN");
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(OcppProfileError);
    expect(error.name).toBe("OcppProfileError");
    expect(error.field).toBe("allocatedW");
    expect(error.message).toBe("allocatedW: must be a finite number, got NaN");
  });
});
