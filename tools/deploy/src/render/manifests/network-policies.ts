import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PART_OF } from "./workload.js";

const ours = { matchLabels: { "app.kubernetes.io/part-of": PART_OF } };

function policy(name: string, spec: NonNullable<INetworkPolicy["spec"]>): INetworkPolicy {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name, labels: { "app.kubernetes.io/part-of": PART_OF } },
    spec,
  };
}

/**
 * Nothing reaches the site's pods but their health/metrics port and, for the bridge, the OCPP port; they
 * reach only DNS, the broker and Redis. The broker and Redis are outside this policy (external services,
 * or the dev StatefulSets, which carry other labels), so their addresses are not pinned here.
 */
export function networkPolicies(): INetworkPolicy[] {
  return [
    policy("sce-default-deny", { podSelector: ours, policyTypes: ["Ingress", "Egress"] }),
    policy("sce-allow-health-and-metrics", {
      podSelector: ours,
      policyTypes: ["Ingress"],
      ingress: [{ ports: [{ port: "http", protocol: "TCP" }] }],
    }),
    policy("sce-allow-ocpp-from-chargers", {
      podSelector: { matchLabels: { "app.kubernetes.io/name": "ocpp-bridge" } },
      policyTypes: ["Ingress"],
      ingress: [{ ports: [{ port: "ocpp", protocol: "TCP" }] }],
    }),
    policy("sce-allow-dns-broker-redis", {
      podSelector: ours,
      policyTypes: ["Egress"],
      egress: [
        {
          ports: [
            { port: 53, protocol: "UDP" },
            { port: 53, protocol: "TCP" },
            { port: 1883, protocol: "TCP" },
            { port: 8883, protocol: "TCP" },
            { port: 6379, protocol: "TCP" },
          ],
        },
      ],
    }),
  ];
}
