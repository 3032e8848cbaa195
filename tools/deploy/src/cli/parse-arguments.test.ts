import { describe, expect, it } from "vitest";
import { DEFAULT_RENDER_OPTIONS } from "../render/render-site.js";
import { parseArguments } from "./parse-arguments.js";

describe("sce-k8s arguments", () => {
  it("take the defaults for images and addresses", () => {
    expect(parseArguments(["render", "--site-config", "site.json", "--out", "k8s"])).toEqual({
      siteConfig: "site.json",
      out: "k8s",
      configsOut: undefined,
      check: false,
      options: DEFAULT_RENDER_OPTIONS,
    });
  });

  it("take every option", () => {
    const command = parseArguments(
      ["render", "--check", "--site-config", "s.json", "--out", "o", "--configs-out", "c"].concat(
        ["--image-prefix", "registry.example.com/sce/", "--image-tag", "1.2.3"],
        ["--mqtt-url", "mqtts://broker:8883", "--redis-url", "redis://cache:6380"],
      ),
    );
    expect(command).toEqual({
      siteConfig: "s.json",
      out: "o",
      configsOut: "c",
      check: true,
      options: {
        imagePrefix: "registry.example.com/sce/",
        imageTag: "1.2.3",
        mqttUrl: "mqtts://broker:8883",
        redisUrl: "redis://cache:6380",
      },
    });
  });

  it("name what is wrong", () => {
    expect(() => parseArguments([])).toThrow("unknown command (none)");
    expect(() => parseArguments(["render", "--out", "o"])).toThrow("--site-config is required");
    expect(() => parseArguments(["render", "--site-config", "s"])).toThrow("--out is required");
    expect(() => parseArguments(["render", "--site-config", "--out", "o"])).toThrow(
      "--site-config needs a value",
    );
    expect(() => parseArguments(["render", "--namespace", "x"])).toThrow("unknown argument --namespace");
  });
});
