import { CONFIG_MAP, deployment, image, mqttEnv, RESOURCES, type RenderOptions } from "./deployment.js";
import { labelsFor } from "./workload.js";

/**
 * One site-master. Recreate, not a rolling update: two site-masters publishing budgets at once would race;
 * while it restarts the panel-engines run on their safe default budgets.
 */
export function siteMasterDeployment(site: string, httpPort: number, configText: string, o: RenderOptions) {
  const labels = labelsFor("site-master", site, { "app.kubernetes.io/component": "site-master" });
  const env = [...mqttEnv(o), { name: "REDIS_URL", value: o.redisUrl }];
  const config = { configMap: CONFIG_MAP, key: "site.json", fileName: "site.json" };
  const options = {
    component: "site-master",
    labels,
    image: image(o, "site-master"),
    httpPort,
    env,
    config,
    resources: RESOURCES,
  } as const;
  return deployment("site-master", options, configText, { replicas: 1, strategy: { type: "Recreate" } });
}
