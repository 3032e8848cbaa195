import { describe, expect, it } from "vitest";
import { dockerEngineHint } from "./docker-engine.js";

describe("dockerEngineHint", () => {
  it("prefers DOCKER_HOST", () => {
    expect(dockerEngineHint({ DOCKER_HOST: "tcp://10.0.0.5:2375" }, () => true)).toBe(
      "DOCKER_HOST=tcp://10.0.0.5:2375",
    );
  });

  it("finds the standard socket, then a rootless one", () => {
    expect(dockerEngineHint({}, (path) => path === "/var/run/docker.sock")).toBe("/var/run/docker.sock");
    expect(
      dockerEngineHint(
        { XDG_RUNTIME_DIR: "/run/user/1000" },
        (path) => path === "/run/user/1000/docker.sock",
      ),
    ).toBe("/run/user/1000/docker.sock");
  });

  it("is null when there is no sign of an engine", () => {
    expect(dockerEngineHint({ DOCKER_HOST: "" }, () => false)).toBeNull();
  });
});
