import { createHash } from "node:crypto";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IDeploymentSpec } from "kubernetes-models/apps/v1/DeploymentSpec";
import type { IEnvVar } from "kubernetes-models/v1";
import { mqttCredentialsEnv, podTemplate, type WorkloadOptions } from "./workload.js";

export interface RenderOptions {
  /** Prepended to `site-master`, `panel-engine`, `ocpp-bridge` (e.g. `registry.example.com/smart-charge/`). */
  readonly imagePrefix: string;
  readonly imageTag: string;
  /** How the pods reach the broker and Redis (the Services in external-services.yaml or dev/). */
  readonly mqttUrl: string;
  readonly redisUrl: string;
}

export const CONFIG_MAP = "sce-site-config";
const CHECKSUM = "smart-charge-engine/config-sha256";
export const RESOURCES = {
  requests: { cpu: "50m", memory: "128Mi" },
  limits: { cpu: "1", memory: "256Mi" },
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
export const image = (o: RenderOptions, component: string) => `${o.imagePrefix}${component}:${o.imageTag}`;
export const mqttEnv = (o: RenderOptions): IEnvVar[] => [
  { name: "MQTT_URL", value: o.mqttUrl },
  ...mqttCredentialsEnv(),
];

/** A Deployment whose pods roll when their config file changes (the checksum annotation). */
export function deployment(
  name: string,
  options: WorkloadOptions,
  configText: string,
  spec: Partial<IDeploymentSpec>,
  pod: Parameters<typeof podTemplate>[1] = {},
): IDeployment {
  const template = podTemplate(options, pod);
  template.metadata = { ...template.metadata, annotations: { [CHECKSUM]: sha256(configText) } };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels: { ...options.labels } },
    spec: { ...spec, selector: { matchLabels: { ...options.labels } }, template },
  };
}
