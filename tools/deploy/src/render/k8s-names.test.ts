import { describe, expect, it } from "vitest";
import { kubernetesName, uniqueKubernetesNames } from "./k8s-names.js";

describe("Kubernetes names for panel ids", () => {
  it("keep a valid id and turn the rest into lower case, digits and dashes", () => {
    expect(kubernetesName("panel-a")).toBe("panel-a");
    expect(kubernetesName("Panel_B.North")).toBe("panel-b-north");
    expect(kubernetesName("--Hall 3--")).toBe("hall-3");
    expect(kubernetesName("x".repeat(60))).toHaveLength(40);
  });

  it("refuse an id with nothing to name an object by, and two ids that would share a name", () => {
    expect(() => kubernetesName("__")).toThrow('panel id "__" has no letter or digit');
    expect(() => uniqueKubernetesNames(["Panel_A", "panel-a"])).toThrow(
      'panels "Panel_A" and "panel-a" would both be named "panel-a"',
    );
    expect([...uniqueKubernetesNames(["A", "B"])]).toEqual([
      ["A", "a"],
      ["B", "b"],
    ]);
  });
});
