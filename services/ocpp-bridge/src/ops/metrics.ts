import { Counter, Gauge, Registry } from "prom-client";

/** Prometheus metrics of one bridge; a registry per bridge so tests can run several in one process. */
export class BridgeMetrics {
  readonly registry = new Registry();
  readonly connectedChargers = new Gauge({
    name: "sce_bridge_connected_chargers",
    help: "Chargers connected over OCPP",
    registers: [this.registry],
  });
  readonly connectionsRefused = new Counter({
    name: "sce_bridge_connections_refused_total",
    help: "Websocket handshakes refused (unknown identity, wrong password)",
    labelNames: ["reason"],
    registers: [this.registry],
  });
  readonly sessionEvents = new Counter({
    name: "sce_bridge_session_events_total",
    help: "Session events published",
    labelNames: ["type"],
    registers: [this.registry],
  });
  readonly commandsRelayed = new Counter({
    name: "sce_bridge_commands_relayed_total",
    help: "Profile commands sent to a charger, by the charger's answer",
    labelNames: ["action", "status"],
    registers: [this.registry],
  });
  readonly commandsDropped = new Counter({
    name: "sce_bridge_commands_dropped_total",
    help: "Profile commands not sent (fenced, expired, offline, version mismatch, timeout)",
    labelNames: ["reason"],
    registers: [this.registry],
  });
  readonly messagesRejected = new Counter({
    name: "sce_bridge_messages_rejected_total",
    help: "MQTT messages refused (malformed, wrong schema, ids that disagree with the topic)",
    labelNames: ["code"],
    registers: [this.registry],
  });
  readonly failSafeInstalls = new Counter({
    name: "sce_bridge_fail_safe_installs_total",
    help: "Fail-safe TxDefaultProfile installs at boot, by the charger's answer",
    labelNames: ["status"],
    registers: [this.registry],
  });
}
