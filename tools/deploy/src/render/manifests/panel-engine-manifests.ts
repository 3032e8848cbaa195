import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IDeploymentSpec } from "kubernetes-models/apps/v1/DeploymentSpec";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import type { IEnvVar } from "kubernetes-models/v1";
import { ENGINE_HTTP_PORT } from "@smart-charge/site-config";
import { CONFIG_MAP, deployment, image, mqttEnv, RESOURCES, type RenderOptions } from "./deployment.js";
import { labelsFor } from "./workload.js";

/**
 * A panel's active and standby engines: two pods of one Deployment (a Redis lease decides which is
 * active), each with its pod name as INSTANCE_ID, preferably on different nodes.
 */
export function panelEngineDeployment(
  site: string,
  panel: string,
  name: string,
  configKey: string,
  configText: string,
  o: RenderOptions,
) {
  const labels = labelsFor("panel-engine", `${site}-${name}`, {
    "app.kubernetes.io/component": "panel-engine",
    "smart-charge-engine/panel": name,
  });
  const env: IEnvVar[] = [
    { name: "INSTANCE_ID", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
    ...mqttEnv(o),
    { name: "REDIS_URL", value: o.redisUrl },
  ];
  const config = { configMap: CONFIG_MAP, key: configKey, fileName: "panel-engine.json" };
  const options = {
    component: "panel-engine",
    labels,
    image: image(o, "panel-engine"),
    httpPort: ENGINE_HTTP_PORT,
    env,
    config,
    resources: RESOURCES,
  } as const;
  const antiAffinity = {
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: {
              topologyKey: "kubernetes.io/hostname",
              labelSelector: { matchLabels: { ...labels } },
            },
          },
        ],
      },
    },
  };
  const spec: Partial<IDeploymentSpec> = {
    replicas: 2,
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  };
  const result = deployment(`panel-engine-${name}`, options, configText, spec, antiAffinity);
  result.metadata = { ...result.metadata, annotations: { "smart-charge-engine/panel-id": panel } };
  return result;
}

/**
 * A drain may take one of a panel's two engines at a time. A pod that is not ready (a standby that lost
 * its broker, say) may always be evicted, so it cannot block a node drain.
 */
export function panelEnginePodDisruptionBudget(deployment: IDeployment): IPodDisruptionBudget {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: deployment.metadata?.name ?? "", labels: { ...deployment.metadata?.labels } },
    spec: {
      maxUnavailable: 1,
      unhealthyPodEvictionPolicy: "AlwaysAllow",
      selector: { matchLabels: { ...deployment.spec?.selector.matchLabels } },
    },
  };
}
