import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** Prometheus metrics of one panel-engine; a registry per engine so tests can run several in one process. */
export class PanelMetrics {
  readonly registry = new Registry();
  readonly sessions = new Gauge({
    name: "sce_panel_sessions",
    help: "Sessions on this panel",
    registers: [this.registry],
  });
  readonly budgetKw = new Gauge({
    name: "sce_panel_budget_kw",
    help: "Budget in force (kW)",
    registers: [this.registry],
  });
  readonly allocatedKw = new Gauge({
    name: "sce_panel_allocated_kw",
    help: "Sum of allocations (kW)",
    registers: [this.registry],
  });
  readonly pausedSessions = new Gauge({
    name: "sce_panel_paused_sessions",
    help: "Sessions waiting their turn",
    registers: [this.registry],
  });
  readonly heldRaises = new Gauge({
    name: "sce_panel_held_raises",
    help: "Raises waiting for decreases to be confirmed",
    registers: [this.registry],
  });
  readonly usingSafeDefault = new Gauge({
    name: "sce_panel_safe_default_budget",
    help: "1 while running on the safe default budget",
    registers: [this.registry],
  });
  readonly recomputeSeconds = new Histogram({
    name: "sce_panel_recompute_seconds",
    help: "Time to recompute the allocation and plan commands",
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.1],
    registers: [this.registry],
  });
  readonly messagesRejected = new Counter({
    name: "sce_panel_messages_rejected_total",
    help: "Messages refused (malformed, wrong schema, unknown session, over the breaker rating)",
    labelNames: ["code"],
    registers: [this.registry],
  });
  readonly commandsPublished = new Counter({
    name: "sce_panel_commands_published_total",
    help: "Profile commands published",
    labelNames: ["action", "reason"],
    registers: [this.registry],
  });
}
