import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseSiteConfig } from "@smart-charge/site-config";
import { describe, expect, it } from "vitest";
import { runtimeTargets } from "../dockerfile/dockerfile-checks.js";
import { parseDockerfile } from "../dockerfile/parse-dockerfile.js";
import { enginePanels } from "@smart-charge/site-config";
import { appServices, bindMount, compose, composeServices } from "../test-support/compose-file.js";
import { readRepoFile, repoRoot, servicePackages, workspacePackages } from "../test-support/repository.js";
import { composeSchemaErrors } from "./compose-schema.js";
import { envVarsReadBy } from "./env-vars-read.js";

const targets = runtimeTargets(parseDockerfile(readRepoFile("Dockerfile")), workspacePackages);
const site = parseSiteConfig(JSON.parse(readRepoFile("deploy/site.json")));
const serviceOf = (target: string) => targets.find((t) => t.stage.name === target)?.service;

describe("docker-compose.yml", () => {
  it("is valid against the Compose Specification schema", () => {
    expect(composeSchemaErrors(compose)).toEqual([]);
  });

  it("builds every service from its Dockerfile target and tags it after the target", () => {
    expect(appServices.map((s) => serviceOf(s.target)?.name)).not.toContain(undefined);
    expect(new Set(appServices.map((s) => s.target))).toEqual(
      new Set(servicePackages.map((p) => p.dir.slice(9))),
    );
    for (const { service, target } of appServices)
      expect(service.image).toMatch(new RegExp(`^smart-charge/${target}:`));
  });

  it("mounts only files that are in the repository", () => {
    const mounts = composeServices.flatMap(([, s]) => (s.volumes ?? []).flatMap((v) => bindMount(v) ?? []));
    expect(mounts.length).toBeGreaterThan(0);
    expect(mounts.filter((m) => !existsSync(join(repoRoot, m.host)))).toEqual([]);
  });

  it("runs Mosquitto on 1883 with TCP_NODELAY, published on a configurable host port other than 1883", () => {
    const mosquitto = compose.services["mosquitto"];
    const conf = mosquitto?.volumes?.flatMap((v) => bindMount(v) ?? []).find((m) => m.host.endsWith(".conf"));
    const text = readRepoFile(conf?.host ?? "(no mounted mosquitto.conf)");
    expect(text).toMatch(/^set_tcp_nodelay true$/m);
    expect(text).toMatch(/^listener 1883$/m);
    expect(conf?.container).toBe("/mosquitto/config/mosquitto.conf");
    expect(mosquitto?.ports).toEqual(["${MQTT_HOST_PORT:-18830}:1883"]);
  });

  it("waits for healthy dependencies, and every service it waits for has a health check", () => {
    for (const [name, service] of composeServices) {
      expect(service.healthcheck?.test, `${name} has no healthcheck`).toBeDefined();
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(condition, `${name} → ${dependency}`).toBe("service_healthy");
        expect(compose.services[dependency]?.healthcheck, `${dependency} has no healthcheck`).toBeDefined();
      }
    }
  });

  it("runs the site-master on the site file and two engines (active/standby) for the first panel", () => {
    const mountsOf = (target: string) =>
      appServices
        .filter((s) => s.target === target)
        .map((s) => ({
          s,
          mount: s.service.volumes?.map(bindMount).find((m) => m?.container.startsWith("/etc/sce/")),
        }));
    expect(mountsOf("site-master").map((m) => m.mount?.host)).toEqual(["deploy/site.json"]);
    const engines = mountsOf("panel-engine");
    const [first, ...others] = enginePanels(site).map(
      (panel) => `deploy/compose/panel-engine.${panel.id}.json`,
    );
    expect(engines.filter((e) => e.mount?.host === first)).toHaveLength(2);
    for (const file of others) expect(engines.filter((e) => e.mount?.host === file)).toHaveLength(1);
    const ids = engines.map((e) => e.s.service.environment?.["INSTANCE_ID"]);
    expect(new Set(ids).size).toBe(engines.length);
    expect(ids).not.toContain(undefined);
  });

  it.each(appServices.map((s) => [s.name, s] as const))(
    "%s sets only environment variables its service reads",
    (_name, { service, target }) => {
      const read = envVarsReadBy(repoRoot, workspacePackages, serviceOf(target)?.name ?? target);
      const set = Object.keys(service.environment ?? {});
      expect(set.length).toBeGreaterThan(0);
      expect(set.filter((name) => !read.has(name))).toEqual([]);
    },
  );
});

describe("the compose checks", () => {
  it("report a misspelt key and a wrong depends_on condition with their place", () => {
    const errors = composeSchemaErrors({
      services: { engine: { image: "x", helthcheck: {}, depends_on: { redis: { condition: "healthy" } } } },
    });
    expect(errors).toContain("/services/engine must NOT have additional properties (helthcheck)");
    expect(errors).toContain(
      "/services/engine/depends_on/redis/condition must be equal to one of the allowed values",
    );
  });

  it("report a variable that no service reads", () => {
    expect(
      envVarsReadBy(repoRoot, workspacePackages, "@smart-charge/panel-engine").has("PANEL_ENGINE_CONFIG"),
    ).toBe(true);
    expect(
      envVarsReadBy(repoRoot, workspacePackages, "@smart-charge/panel-engine").has("SITE_CONFIG_PATH"),
    ).toBe(false);
  });
});
