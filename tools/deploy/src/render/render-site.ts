import { bridgeConfig } from "./bridge-config.js";
import {
  checkSafeDefaultsFitParents,
  engineConfig,
  enginePanels,
  type SiteConfig,
} from "@smart-charge/site-config";
import { uniqueKubernetesNames } from "./k8s-names.js";
import { networkPolicies } from "./manifests/network-policies.js";
import { CONFIG_MAP, type RenderOptions } from "./manifests/deployment.js";
import { ocppBridgeManifests } from "./manifests/ocpp-bridge-manifests.js";
import { panelEngineDeployment, panelEnginePodDisruptionBudget } from "./manifests/panel-engine-manifests.js";
import { siteMasterDeployment } from "./manifests/site-master-manifests.js";
import { PART_OF } from "./manifests/workload.js";
import { validateManifest } from "./validate-manifest.js";

export type { RenderOptions };

export const DEFAULT_RENDER_OPTIONS: RenderOptions = {
  imagePrefix: "smart-charge/",
  imageTag: "0.1.0",
  mqttUrl: "mqtt://sce-mqtt-broker:1883",
  redisUrl: "redis://sce-redis:6379",
};

/** A file of the rendered output: its name and its content. */
export interface RenderedFile {
  readonly name: string;
  readonly content: unknown;
}

export interface RenderedSite {
  /** The files the panel-engines and the bridge read: `panel-engine.<panel>.json`, `ocpp-bridge.json`. */
  readonly configs: RenderedFile[];
  /** Kubernetes manifests, one file per workload; content is the list of objects in the file. */
  readonly manifests: { readonly name: string; readonly objects: readonly object[] }[];
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Everything a site needs on Kubernetes, derived from its site file: the services' config files in one
 * ConfigMap, the site-master, one two-replica panel-engine Deployment and PodDisruptionBudget per panel
 * with chargers, the bridge and the network policies. Every object is checked against the Kubernetes
 * schema of its kind before it is returned.
 */
export function renderSite(
  raw: unknown,
  site: SiteConfig,
  options: RenderOptions = DEFAULT_RENDER_OPTIONS,
): RenderedSite {
  // enginePanels first: its error names the panel without chargers, which the breaker check would count.
  const engines = enginePanels(site);
  checkSafeDefaultsFitParents(site);
  if (engines.length === 0)
    throw new Error("the site has no panel with chargers: there is nothing to deploy");
  const names = uniqueKubernetesNames(engines.map((panel) => panel.id));
  const nameOf = (id: string) => names.get(id) ?? id;

  const configs: RenderedFile[] = [
    ...engines.map((panel) => ({
      name: `panel-engine.${nameOf(panel.id)}.json`,
      content: engineConfig(site, panel),
    })),
    { name: "ocpp-bridge.json", content: bridgeConfig(site) },
  ];
  const all = [{ name: "site.json", content: raw }, ...configs];
  const text = (name: string) => json(all.find((c) => c.name === name)?.content);
  const configMap = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      name: CONFIG_MAP,
      labels: { "app.kubernetes.io/part-of": PART_OF, "smart-charge-engine/site": site.site },
    },
    data: Object.fromEntries(all.map((c) => [c.name, json(c.content)])),
  };
  const manifests = [
    { name: "config.yaml", objects: [configMap] },
    {
      name: "site-master.yaml",
      objects: [siteMasterDeployment(site.site, site.http.port, text("site.json"), options)],
    },
    ...engines.map((panel) => {
      const name = nameOf(panel.id);
      const key = `panel-engine.${name}.json`;
      const deployment = panelEngineDeployment(site.site, panel.id, name, key, text(key), options);
      return {
        name: `panel-engine-${name}.yaml`,
        objects: [deployment, panelEnginePodDisruptionBudget(deployment)],
      };
    }),
    { name: "ocpp-bridge.yaml", objects: ocppBridgeManifests(site.site, text("ocpp-bridge.json"), options) },
    { name: "network-policies.yaml", objects: networkPolicies() },
  ];
  for (const file of manifests) file.objects.forEach(validateManifest);
  return { configs, manifests };
}
