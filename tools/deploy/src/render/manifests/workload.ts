import type { IContainer, IEnvVar, IPodSpec, IPodTemplateSpec } from "kubernetes-models/v1";

/** What differs between the site's workloads; everything else about their pods is the same on purpose. */
export interface WorkloadOptions {
  readonly component: "site-master" | "panel-engine" | "ocpp-bridge";
  readonly labels: Readonly<Record<string, string>>;
  readonly image: string;
  readonly httpPort: number;
  readonly env: readonly IEnvVar[];
  readonly config: { readonly configMap: string; readonly key: string; readonly fileName: string };
  readonly extraPorts?: IContainer["ports"];
  readonly resources: NonNullable<IContainer["resources"]>;
}

export const PART_OF = "smart-charge-engine";
/** The Secret with the broker credentials (keys `username`, `password`); optional for an open broker. */
export const MQTT_SECRET = "sce-mqtt-credentials";

export function labelsFor(component: string, instance: string, extra: Record<string, string> = {}) {
  return {
    "app.kubernetes.io/name": component,
    "app.kubernetes.io/instance": instance,
    "app.kubernetes.io/part-of": PART_OF,
    ...extra,
  };
}

/** MQTT_USERNAME / MQTT_PASSWORD from the Secret, so no credential is in a ConfigMap or a manifest. */
export function mqttCredentialsEnv(): IEnvVar[] {
  return (["username", "password"] as const).map((key) => ({
    name: key === "username" ? "MQTT_USERNAME" : "MQTT_PASSWORD",
    valueFrom: { secretKeyRef: { name: MQTT_SECRET, key, optional: true } },
  }));
}

function container(options: WorkloadOptions): IContainer {
  return {
    name: options.component,
    image: options.image,
    imagePullPolicy: "IfNotPresent",
    ports: [
      { name: "http", containerPort: options.httpPort, protocol: "TCP" },
      ...(options.extraPorts ?? []),
    ],
    env: [...options.env],
    volumeMounts: [{ name: "config", mountPath: "/etc/sce", readOnly: true }],
    // Liveness: the process answers. Readiness: state loaded and connected to the broker.
    livenessProbe: {
      httpGet: { path: "/healthz", port: "http" },
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 3,
      failureThreshold: 3,
    },
    readinessProbe: {
      httpGet: { path: "/readyz", port: "http" },
      initialDelaySeconds: 3,
      periodSeconds: 5,
      timeoutSeconds: 3,
      failureThreshold: 2,
    },
    resources: options.resources,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 1000, // the `node` user of the image
      runAsGroup: 1000,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    },
  };
}

/** The pod template: one container, its config file mounted at the path the image's CMD reads. */
export function podTemplate(options: WorkloadOptions, spec: Partial<IPodSpec> = {}): IPodTemplateSpec {
  return {
    metadata: { labels: { ...options.labels } },
    spec: {
      automountServiceAccountToken: false,
      // The services finish the message in hand and close their connections on SIGTERM.
      terminationGracePeriodSeconds: 30,
      securityContext: { seccompProfile: { type: "RuntimeDefault" }, fsGroup: 1000 },
      ...spec,
      containers: [container(options)],
      volumes: [
        {
          name: "config",
          configMap: {
            name: options.config.configMap,
            items: [{ key: options.config.key, path: options.config.fileName }],
          },
        },
      ],
    },
  };
}
