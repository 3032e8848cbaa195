import { parseSiteConfig } from "@smart-charge/site-config";
import { describe, expect, it } from "vitest";
import { envVarsReadBy } from "../checks/env-vars-read.js";
import { allManifests, containersOf, generated, readManifests } from "../test-support/k8s-manifests.js";
import { readRepoFile, repoRoot, servicePackages, workspacePackages } from "../test-support/repository.js";
import { enginePanels } from "@smart-charge/site-config";
import { validateManifest } from "./validate-manifest.js";

const site = parseSiteConfig(JSON.parse(readRepoFile("deploy/site.json")));
const workloads = generated.filter((m) => m.kind === "Deployment");
const named = (kind: string, name: string) =>
  generated.find((m) => m.kind === kind && m.metadata.name === name);

describe("the Kubernetes manifests in deploy/k8s", () => {
  it.each(
    allManifests.map(
      (m) => [`${m.path}: ${m.manifest.kind} ${m.manifest.metadata.name}`, m.manifest] as const,
    ),
  )("%s is valid against the Kubernetes schema of its kind", (_label, manifest) => {
    expect(() => validateManifest(manifest)).not.toThrow();
  });

  it("run every service of the repository, each container probed on /healthz and /readyz with resources", () => {
    const images = workloads.flatMap(containersOf).map((c) => c.image.replace(/^smart-charge\/|:.*$/g, ""));
    expect(new Set(images)).toEqual(new Set(servicePackages.map((p) => p.dir.slice(9))));
    for (const container of workloads.flatMap(containersOf)) {
      const http = container.ports?.find((p) => p.name === "http");
      expect(http, container.name).toBeDefined();
      expect(container.livenessProbe?.httpGet).toEqual({ path: "/healthz", port: "http" });
      expect(container.readinessProbe?.httpGet).toEqual({ path: "/readyz", port: "http" });
      for (const kind of ["requests", "limits"] as const)
        expect(Object.keys(container.resources?.[kind] ?? {}).sort()).toEqual(["cpu", "memory"]);
    }
  });

  it("run two engines per panel with chargers, each named by its pod, under a disruption budget", () => {
    const panels = enginePanels(site);
    expect(panels.length).toBeGreaterThan(1);
    for (const panel of panels) {
      const deployment = named("Deployment", `panel-engine-${panel.id}`);
      expect(deployment?.spec?.["replicas"]).toBe(2);
      const env =
        containersOf(deployment ?? { apiVersion: "", kind: "", metadata: { name: "" } })[0]?.env ?? [];
      expect(env.find((e) => e.name === "INSTANCE_ID")?.valueFrom).toEqual({
        fieldRef: { fieldPath: "metadata.name" },
      });
      const pdb = named("PodDisruptionBudget", `panel-engine-${panel.id}`);
      expect(pdb?.spec?.["selector"]).toEqual(deployment?.spec?.["selector"]);
      expect(pdb?.spec?.["maxUnavailable"]).toBe(1);
    }
  });

  it.each(workloads.map((w) => [w.metadata.name, w] as const))(
    "%s sets only environment variables its service reads",
    (_name, workload) => {
      for (const container of containersOf(workload)) {
        const service = `@smart-charge/${container.image.replace(/^smart-charge\/|:.*$/g, "")}`;
        const read = envVarsReadBy(repoRoot, workspacePackages, service);
        expect((container.env ?? []).map((e) => e.name).filter((name) => !read.has(name))).toEqual([]);
      }
    },
  );

  it("name the broker, Redis and credentials the external and dev files provide", () => {
    const env = workloads.flatMap(containersOf).flatMap((c) => c.env ?? []);
    const hosts = new Set(env.flatMap((e) => e.value?.match(/^\w+:\/\/([^:/]+)/)?.[1] ?? []));
    expect([...hosts].sort()).toEqual(["sce-mqtt-broker", "sce-redis"]);
    for (const file of [
      "deploy/k8s/external-services.yaml",
      "deploy/k8s/dev/mosquitto.yaml",
      "deploy/k8s/dev/redis.yaml",
    ])
      for (const host of hosts)
        if (!file.includes("dev/") || file.includes(host === "sce-redis" ? "redis" : "mosquitto"))
          expect(
            readManifests(file).some((m) => m.kind === "Service" && m.metadata.name === host),
            `${file}: ${host}`,
          ).toBe(true);
    const secret = readManifests("deploy/k8s/mqtt-credentials.example.yaml")[0];
    expect(readRepoFile("deploy/k8s/generated/site-master.yaml")).toContain(`name: ${secret?.metadata.name}`);
  });

  it("give the dev broker the same mosquitto.conf as docker compose", () => {
    const config = readManifests("deploy/k8s/dev/mosquitto.yaml").find((m) => m.kind === "ConfigMap");
    expect(config?.data?.["mosquitto.conf"]).toBe(readRepoFile("deploy/mosquitto/mosquitto.conf"));
  });
});

describe("the schema check", () => {
  it("refuses a wrong quantity, a wrong enum value and an unknown kind, naming the object", () => {
    const deployment = named("Deployment", "site-master");
    const broken = JSON.parse(JSON.stringify(deployment)) as {
      spec: { template: { spec: { containers: Record<string, unknown>[] } } };
    };
    const container = broken.spec.template.spec.containers[0] ?? {};
    container["resources"] = { limits: { memory: "a lot" } };
    container["imagePullPolicy"] = "Sometimes";
    expect(() => validateManifest(broken)).toThrow(/^Deployment site-master: /);
    expect(() => validateManifest(broken)).toThrow(
      /containers\/0\/imagePullPolicy must be equal to one of the allowed/,
    );
    expect(() => validateManifest(broken)).toThrow(
      /containers\/0\/resources\/limits\/memory must match format "quantity"/,
    );
    expect(() => validateManifest({ apiVersion: "v1", kind: "Pod", metadata: { name: "x" } })).toThrow(
      "Pod x: no schema for apiVersion v1",
    );
  });
});
