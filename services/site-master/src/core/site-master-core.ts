import type { FieldError, PanelBudget, PanelStatus, SiteMeter } from "@smart-charge/contracts";
import type { SiteConfig } from "@smart-charge/site-config";
import { BudgetLedger, type IssuedBudget } from "./budget-ledger.js";
import { divideSite, type PanelNeed } from "./divide-site.js";
import { availableForPanels } from "./grid-capacity.js";
import { kwToWFloor, tighter, type Limit } from "./limits.js";
import { MeterHoldDown } from "./meter-hold-down.js";
import { NO_OVERRIDES, type Overrides } from "./overrides.js";
import { panelCondition, panelNeed, type PanelCondition, type PanelReport } from "./panel-need.js";
import { allNodes, buildPanelTree, type PanelNode } from "./panel-tree.js";
import { planPublication } from "./plan-publication.js";
import { budgetScale } from "./budget-scale.js";

/** What a restarted site-master finds in its store. */
export interface RestoredState {
  readonly overrides: Overrides;
  readonly lastSequence: number;
  readonly budgets: readonly PanelBudget[];
}

export const EMPTY_STATE: RestoredState = { overrides: NO_OVERRIDES, lastSequence: 0, budgets: [] };

export interface Round {
  /** Budgets to publish now, in order (decreases first). */
  readonly budgets: PanelBudget[];
  readonly held: string[];
  readonly conditions: ReadonlyMap<string, PanelCondition>;
  readonly available: Limit;
}

/**
 * The site-master's state and decisions, without I/O: what each panel reported, which budgets may be in
 * force, the operator's settings and the meter. The service feeds it messages with the time they arrived
 * and publishes what `round()` returns.
 */
export class SiteMasterCore {
  readonly panels: readonly PanelNode[];
  private readonly nodes: ReadonlyMap<string, PanelNode>;
  private readonly reports = new Map<string, PanelReport>();
  private readonly ledger: BudgetLedger;
  private readonly meter: MeterHoldDown;
  private lastSequence: number;
  overrides: Overrides;

  constructor(
    readonly config: SiteConfig,
    restored: RestoredState,
    now: number,
  ) {
    this.panels = buildPanelTree(config.panels, config.conservativePanelKw);
    this.nodes = new Map(allNodes(this.panels).map((n) => [n.id, n]));
    this.ledger = new BudgetLedger(config.voltageV, config.timing.raiseHoldMs);
    this.meter = new MeterHoldDown(config.meter, config.voltageV);
    this.overrides = restored.overrides;
    this.lastSequence = restored.lastSequence;
    // Until told otherwise, a panel may be running on what a previous site-master gave it, or on its
    // engine's safe default, which its conservative budget covers.
    for (const node of this.nodes.values())
      if (node.hasEngine)
        this.ledger.issue(node.id, {
          sequence: -1,
          limit: { w: node.conservativeW },
          issuedAt: now,
          expiresAt: now + config.timing.budgetTtlMs,
        });
    for (const budget of restored.budgets) this.rememberBudget(budget);
  }

  get sequence(): number {
    return this.lastSequence;
  }

  hasPanel(panel: string): boolean {
    return this.nodes.has(panel);
  }

  /** Every configured panel has reported (start-up need not wait longer). */
  allReported(): boolean {
    return [...this.nodes.values()].every((n) => n.fixedW !== undefined || this.reports.has(n.id));
  }

  /** A status arrived; retained ones count from when they were published, so a dead panel stays silent. */
  onStatus(status: PanelStatus, receivedAt: number, retained: boolean): FieldError | null {
    if (!this.nodes.has(status.panel))
      return { field: "panel", message: `no panel "${status.panel}" in this site's configuration` };
    const heardAt = retained ? Math.min(receivedAt, Date.parse(status.publishedAt)) : receivedAt;
    const previous = this.reports.get(status.panel);
    if (previous === undefined || heardAt >= previous.heardAt)
      this.reports.set(status.panel, { status, heardAt });
    return null;
  }

  onMeter(meter: SiteMeter, now: number): boolean {
    return this.meter.record(meter, now);
  }

  /** A budget seen on the broker (our own retained one from before a restart): counts as in force. */
  rememberBudget(budget: PanelBudget): void {
    if (!this.nodes.has(budget.panel)) return;
    this.lastSequence = Math.max(this.lastSequence, budget.sequence);
    const issuedAt = Date.parse(budget.issuedAt);
    this.ledger.remember(budget.panel, {
      sequence: budget.sequence,
      limit: {
        w: kwToWFloor(budget.totalKw),
        ...(budget.phaseAmps === undefined ? {} : { amps: budget.phaseAmps }),
      },
      issuedAt,
      expiresAt: budget.expiresAt === undefined ? Infinity : Date.parse(budget.expiresAt),
    });
  }

  limitOf(node: PanelNode): Limit {
    const cap = this.overrides.panelCaps[node.id];
    if (cap === undefined) return node.breaker;
    return tighter(node.breaker, {
      w: cap.capKw === null ? Infinity : kwToWFloor(cap.capKw),
      amps: cap.phaseAmps ?? undefined,
    });
  }

  /** Divides the site and returns the budgets to publish now; `republish` refreshes unchanged ones. */
  round(now: number, republish: boolean): Round {
    const { timing } = this.config;
    const conditions = new Map<string, PanelCondition>();
    const needs = new Map<string, PanelNeed>();
    for (const node of this.nodes.values()) {
      const report = this.reports.get(node.id);
      const condition = panelCondition(node, report, now, timing.panelSilentAfterMs);
      conditions.set(node.id, condition);
      const applied = report?.status.appliedBudgetSequence;
      const scale = budgetScale(
        report?.status,
        applied === undefined ? undefined : this.ledger.find(node.id, applied),
      );
      needs.set(node.id, panelNeed(condition, node, report, scale));
      this.ledger.settle(node.id, now, {
        appliedSequence: report?.status.appliedBudgetSequence,
        heardAt: report?.heardAt,
      });
    }
    const available = availableForPanels(this.config, this.overrides, this.meter.loadAt(now));
    const caps = new Map([...this.nodes.values()].map((n) => [n.id, this.limitOf(n)] as const));
    const targets = divideSite({
      panels: this.panels,
      available,
      needs,
      caps,
      voltageV: this.config.voltageV,
    });
    // A panel without an engine of its own has nobody to send a budget to.
    for (const node of this.nodes.values()) if (!node.hasEngine) targets.delete(node.id);
    const plan = planPublication({
      panels: this.panels,
      targets,
      available,
      limitOf: (node) => this.limitOf(node),
      ledger: this.ledger,
      voltageV: this.config.voltageV,
      republish,
    });
    const budgets = plan.publish.map(({ panel, limit }) => {
      const report = this.reports.get(panel);
      const condition = conditions.get(panel);
      // A reporting panel's budget lapses when it would turn silent, so that by then it runs on its safe
      // default (which its conservative budget covers) even if it still hears us but we no longer hear it.
      const expiresAt =
        condition === "reporting" && report !== undefined
          ? Math.min(now + timing.budgetTtlMs, report.heardAt + timing.panelSilentAfterMs)
          : now + timing.budgetTtlMs;
      const issued: IssuedBudget = { sequence: this.nextSequence(now), limit, issuedAt: now, expiresAt };
      this.ledger.issue(panel, issued);
      return toPanelBudget(this.config.site, panel, issued);
    });
    return { budgets, held: plan.held, conditions, available };
  }

  meterSilent(now: number): boolean {
    return this.meter.isSilent(now);
  }

  private nextSequence(now: number): number {
    // Derived from the clock as well as the last one issued: a site-master that restarts without its
    // store still issues sequences above anything it issued before, which engines would otherwise ignore.
    this.lastSequence = Math.max(this.lastSequence + 1, now);
    return this.lastSequence;
  }
}

function toPanelBudget(site: string, panel: string, issued: IssuedBudget): PanelBudget {
  return {
    site,
    panel,
    totalKw: issued.limit.w / 1000,
    ...(issued.limit.amps === undefined ? {} : { phaseAmps: { ...issued.limit.amps } }),
    sequence: issued.sequence,
    issuedAt: new Date(issued.issuedAt).toISOString(),
    expiresAt: new Date(issued.expiresAt).toISOString(),
  };
}
