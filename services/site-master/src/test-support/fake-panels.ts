import {
  decodeMessage,
  encodeMessage,
  MESSAGE_SCHEMAS,
  topicPattern,
  topics,
  type MessageInputOf,
  type OperatorResult,
  type PanelBudget,
  type TopicKind,
} from "@smart-charge/contracts";
import {
  connectClient,
  endClient,
  recordMessages,
  type MessageRecorder,
  type RecordedMessage,
} from "@smart-charge/test-infra";
import type { MqttClient } from "mqtt";
import { statusOf } from "./site-fixtures.js";

export interface Demand {
  demandKw: number;
  minimumKw?: number;
  /** Sessions held back by the budget: the panel would take more. */
  heldBack?: boolean;
}

/** Matches a budget for `panel` (not a cleared retained one) that passes `test`. */
export const forPanel =
  (panel: string, test: (b: PanelBudget) => boolean = () => true) =>
  (m: RecordedMessage) =>
    m.payload.length > 0 && budgetOf(m).panel === panel && test(budgetOf(m));

/** An operator result as received. */
export const resultOf = (m: RecordedMessage) => m.json() as OperatorResult;

export function budgetOf(m: RecordedMessage): PanelBudget {
  const decoded = decodeMessage(MESSAGE_SCHEMAS.panelBudget, m.payload);
  if (!decoded.ok) throw new Error(`${decoded.error.field}: ${decoded.error.message}`);
  return decoded.value;
}

/**
 * Plays the panel-engines of a site over MQTT: publishes each panel's retained status and, for panels
 * that confirm, answers every budget with a status carrying its sequence, as a panel-engine does. Tracks
 * the highest sum of budgets that could have been in force at any moment.
 */
export class FakePanels {
  readonly demand = new Map<string, Demand>();
  readonly confirming = new Set<string>();
  private readonly latest = new Map<string, PanelBudget>();
  private readonly confirmed = new Map<string, PanelBudget>();
  peakInForceKw = 0;
  peakInForceOf = new Map<string, number>();

  private constructor(
    readonly site: string,
    readonly client: MqttClient,
    readonly budgets: MessageRecorder,
    readonly results: MessageRecorder,
    readonly errors: MessageRecorder,
    private readonly groups: Record<string, string[]>,
  ) {
    client.on("message", (topic, payload) => {
      if (!topic.endsWith("/budget") || payload.length === 0) return;
      const decoded = decodeMessage(MESSAGE_SCHEMAS.panelBudget, payload);
      if (!decoded.ok) return;
      const budget = decoded.value;
      this.latest.set(budget.panel, budget);
      this.trackInForce();
      if (this.confirming.has(budget.panel)) void this.confirm(budget.panel);
    });
  }

  /** `groups` names panel sets whose sum of budgets in force is tracked, e.g. a parent and its children. */
  static async start(url: string, site: string, groups: Record<string, string[]> = {}): Promise<FakePanels> {
    const client = await connectClient(url);
    const [budgets, results, errors] = await Promise.all([
      recordMessages(client, topicPattern("panelBudget", { site })),
      recordMessages(client, topics.operatorResult(site)),
      recordMessages(client, topicPattern("error", { site })),
    ]);
    return new FakePanels(site, client, budgets, results, errors, groups);
  }

  async send<K extends TopicKind>(
    kind: K,
    topic: string,
    message: MessageInputOf<K>,
    retain = false,
  ): Promise<void> {
    await this.client.publishAsync(topic, encodeMessage(MESSAGE_SCHEMAS[kind], message), { qos: 1, retain });
  }

  /** Publishes the panel's retained status (confirming the last budget it received when it confirms). */
  async report(panel: string, demand: Demand, appliedBudgetSequence?: number): Promise<void> {
    this.demand.set(panel, demand);
    const applied =
      appliedBudgetSequence ?? (this.confirming.has(panel) ? this.latest.get(panel)?.sequence : undefined);
    const status = statusOf(this.site, panel, {
      ...demand,
      publishedAt: Date.now(),
      ...(applied === undefined ? {} : { appliedBudgetSequence: applied }),
    });
    await this.send("panelStatus", topics.panelStatus(this.site, panel), status, true);
  }

  /** Applies the last budget received, as an engine does once its chargers confirmed. */
  async confirm(panel: string): Promise<void> {
    const budget = this.latest.get(panel);
    if (budget === undefined) return;
    this.confirmed.set(panel, budget);
    this.trackInForce();
    await this.report(panel, this.demand.get(panel) ?? { demandKw: 0 }, budget.sequence);
  }

  latestKw(panel: string): number | undefined {
    return this.latest.get(panel)?.totalKw;
  }

  /** A panel may apply its latest budget any moment, and keeps its confirmed one until it does. */
  private inForceKw(panel: string): number {
    return Math.max(this.latest.get(panel)?.totalKw ?? 0, this.confirmed.get(panel)?.totalKw ?? 0);
  }

  private trackInForce(): void {
    const total = [...this.latest.keys()].reduce((sum, p) => sum + this.inForceKw(p), 0);
    this.peakInForceKw = Math.max(this.peakInForceKw, total);
    for (const [name, panels] of Object.entries(this.groups)) {
      const sum = panels.reduce((s, p) => s + this.inForceKw(p), 0);
      this.peakInForceOf.set(name, Math.max(this.peakInForceOf.get(name) ?? 0, sum));
    }
  }

  /** Removes the retained messages this test left on the broker. */
  async close(panels: readonly string[]): Promise<void> {
    for (const panel of panels) {
      await this.client.publishAsync(topics.panelStatus(this.site, panel), "", { qos: 1, retain: true });
      await this.client.publishAsync(topics.panelBudget(this.site, panel), "", { qos: 1, retain: true });
    }
    await endClient(this.client);
  }
}
