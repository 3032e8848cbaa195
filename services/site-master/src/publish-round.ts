import { topics } from "@smart-charge/contracts";
import type { SiteConfig } from "@smart-charge/site-config";
import type { Logger } from "pino";
import type { SiteMasterCore } from "./core/site-master-core.js";
import type { ContractPublisher } from "@smart-charge/service-kit";
import type { SiteMetrics } from "./ops/metrics.js";
import type { SiteStoreWriter } from "./state/site-store-writer.js";

export interface RoundContext {
  config: SiteConfig;
  core: SiteMasterCore;
  writer: SiteStoreWriter;
  publisher: ContractPublisher;
  metrics: SiteMetrics;
  logger: Logger;
  now: number;
  trigger: string;
  republish: boolean;
}

/**
 * One division: decide, start storing the sequence and budgets, publish them (decreases first). The
 * publication waits for no store write (see SiteStoreWriter).
 */
export async function publishRound(ctx: RoundContext): Promise<void> {
  const { config, core, metrics, logger, now } = ctx;
  const endTimer = metrics.divisionSeconds.startTimer();
  const round = core.round(now, ctx.republish);
  endTimer();
  metrics.availableKw.set(round.available.w / 1000);
  metrics.heldRaises.set(round.held.length);
  metrics.panelsSilent.set(
    [...round.conditions.values()].filter((c) => c === "silent" || c === "never-reported").length,
  );
  metrics.meterSilent.set(core.meterSilent(now) ? 1 : 0);
  if (round.budgets.length === 0) return;
  ctx.writer.budgets(round.budgets, core.sequence);
  for (const budget of round.budgets) {
    ctx.publisher.publish("panelBudget", topics.panelBudget(config.site, budget.panel), budget);
    metrics.budgetKw.set({ panel: budget.panel }, budget.totalKw);
    metrics.budgetsPublished.inc();
  }
  if (ctx.trigger !== "republish" || round.held.length > 0)
    logger.info(
      {
        event: "budgets-published",
        trigger: ctx.trigger,
        budgets: Object.fromEntries(round.budgets.map((b) => [b.panel, b.totalKw])),
        held: round.held,
        availableKw: round.available.w / 1000,
      },
      "budgets published",
    );
}
