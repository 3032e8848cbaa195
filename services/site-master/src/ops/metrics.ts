import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** Prometheus metrics of one site-master; a registry per instance so tests can run several. */
export class SiteMetrics {
  readonly registry = new Registry();
  readonly budgetKw = new Gauge({
    name: "sce_site_panel_budget_kw",
    help: "Budget last published per panel (kW)",
    labelNames: ["panel"],
    registers: [this.registry],
  });
  readonly availableKw = new Gauge({
    name: "sce_site_available_kw",
    help: "Grid power the panels share: limit less safety margin and metered non-EV load (kW)",
    registers: [this.registry],
  });
  readonly panelsSilent = new Gauge({
    name: "sce_site_panels_silent",
    help: "Panels that are silent or never reported (on their conservative budget)",
    registers: [this.registry],
  });
  readonly heldRaises = new Gauge({
    name: "sce_site_held_raises",
    help: "Panel raises waiting for lowered panels to confirm",
    registers: [this.registry],
  });
  readonly meterSilent = new Gauge({
    name: "sce_site_meter_silent",
    help: "1 while the site meter is configured but silent (fallback load assumed)",
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: "sce_site_operator_commands_total",
    help: "Operator commands by kind and outcome (accepted, clamped, rejected)",
    labelNames: ["kind", "outcome"],
    registers: [this.registry],
  });
  readonly messagesRejected = new Counter({
    name: "sce_site_messages_rejected_total",
    help: "Messages refused (malformed, wrong schema, unknown panel)",
    labelNames: ["code"],
    registers: [this.registry],
  });
  readonly budgetsPublished = new Counter({
    name: "sce_site_budgets_published_total",
    help: "Panel budgets published (changes and periodic refreshes)",
    registers: [this.registry],
  });
  readonly storeWritesFailed = new Counter({
    name: "sce_site_store_writes_failed_total",
    help: "Writes to Redis that failed (budgets, overrides); the division went on without them",
    labelNames: ["what"],
    registers: [this.registry],
  });
  readonly divisionSeconds = new Histogram({
    name: "sce_site_division_seconds",
    help: "Time to divide the site and plan the publication",
    buckets: [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.05],
    registers: [this.registry],
  });
}
