import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { StatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: never) => Validatable;

/** The kinds this project deploys, by `apiVersion/kind`; anything else is refused rather than unchecked. */
const MODELS: Readonly<Record<string, ModelClass>> = {
  "apps/v1/Deployment": Deployment,
  "apps/v1/StatefulSet": StatefulSet,
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
};

/**
 * Checks one manifest against the Kubernetes OpenAPI schema of its kind (types, enums, required fields,
 * quantities, formats). Throws an error naming the object and the offending paths.
 */
export function validateManifest(manifest: unknown): void {
  const { apiVersion, kind, metadata } = (manifest ?? {}) as {
    apiVersion?: unknown;
    kind?: unknown;
    metadata?: { name?: unknown };
  };
  const label = `${String(kind)} ${String(metadata?.name)}`;
  const Model = MODELS[`${String(apiVersion)}/${String(kind)}`];
  if (Model === undefined) throw new Error(`${label}: no schema for apiVersion ${String(apiVersion)}`);
  try {
    new Model(manifest as never).validate();
  } catch (error) {
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
