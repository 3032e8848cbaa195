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
  readonly isLeader = new Gauge({
    name: "sce_panel_is_leader",
    help: "1 while this engine holds the panel's lease and may publish",
    registers: [this.registry],
  });
  readonly takeovers = new Counter({
    name: "sce_panel_takeovers_total",
    help: "Times this engine took the lease (at start-up or from a failed leader)",
    registers: [this.registry],
  });
  readonly leaseRenewFailures = new Counter({
    name: "sce_panel_lease_renew_failures_total",
    help: "Lease renewals that failed (Redis error or timeout) while leader",
    registers: [this.registry],
  });
  readonly leaseLost = new Counter({
    name: "sce_panel_lease_lost_total",
    help: "Times this engine stopped being leader, by reason (expired, taken, released)",
    labelNames: ["reason"],
    registers: [this.registry],
  });
  readonly resyncs = new Counter({
    name: "sce_panel_resyncs_total",
    help: "State reloaded from the store and every profile republished, by trigger",
    labelNames: ["trigger"],
    registers: [this.registry],
  });
  readonly storeErrors = new Counter({
    name: "sce_panel_store_errors_total",
    help: "Store operations that failed while handling a message (retried, message not acknowledged)",
    registers: [this.registry],
  });
}
