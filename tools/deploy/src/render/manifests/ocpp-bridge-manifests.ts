import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IService } from "kubernetes-models/v1/Service";
import { BRIDGE_HTTP_PORT, BRIDGE_OCPP_PORT } from "../bridge-config.js";
import { CONFIG_MAP, deployment, image, mqttEnv, type RenderOptions } from "./deployment.js";
import { labelsFor, type WorkloadOptions } from "./workload.js";

/** The reference bridge, reachable by the chargers through a LoadBalancer on the OCPP port. */
export function ocppBridgeManifests(
  site: string,
  configText: string,
  o: RenderOptions,
): [IDeployment, IService] {
  const labels = labelsFor("ocpp-bridge", site, { "app.kubernetes.io/component": "ocpp-bridge" });
  const config = { configMap: CONFIG_MAP, key: "ocpp-bridge.json", fileName: "ocpp-bridge.json" };
  const ocppPort = { name: "ocpp", containerPort: BRIDGE_OCPP_PORT, protocol: "TCP" as const };
  const options: WorkloadOptions = {
    component: "ocpp-bridge",
    labels,
    image: image(o, "ocpp-bridge"),
    httpPort: BRIDGE_HTTP_PORT,
    env: mqttEnv(o),
    config,
    extraPorts: [ocppPort],
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "512Mi" } },
  };
  const service: IService = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "ocpp-bridge", labels: { ...labels } },
    spec: {
      type: "LoadBalancer",
      selector: { ...labels },
      ports: [{ name: "ocpp", port: BRIDGE_OCPP_PORT, targetPort: "ocpp", protocol: "TCP" }],
    },
  };
  // Recreate: two bridges would share one MQTT client id and take the session from each other.
  return [
    deployment("ocpp-bridge", options, configText, { replicas: 1, strategy: { type: "Recreate" } }),
    service,
  ];
}
