import type { z } from "zod";
import { commandResultSchema } from "./command-result.js";
import { errorReportSchema } from "./error-report.js";
import {
  setGridLimitSchema,
  setPanelBudgetCapSchema,
  setPanelStrategySchema,
  setSafetyMarginSchema,
} from "./operator-commands.js";
import { operatorResultSchema } from "./operator-result.js";
import { panelBudgetSchema } from "./panel-budget.js";
import { panelStatusSchema } from "./panel-status.js";
import { profileCommandSchema } from "./profile-command.js";
import { sessionEventSchema } from "./session-event.js";
import { siteMeterSchema } from "./site-meter.js";
import type { TopicKind } from "../topics/topic-tree.js";

/** The schema of the messages published on each kind of topic. */
export const MESSAGE_SCHEMAS = {
  panelBudget: panelBudgetSchema,
  panelStatus: panelStatusSchema,
  sessionEvent: sessionEventSchema,
  profileCommand: profileCommandSchema,
  commandResult: commandResultSchema,
  siteMeter: siteMeterSchema,
  setGridLimit: setGridLimitSchema,
  setSafetyMargin: setSafetyMarginSchema,
  setPanelBudgetCap: setPanelBudgetCapSchema,
  setPanelStrategy: setPanelStrategySchema,
  operatorResult: operatorResultSchema,
  error: errorReportSchema,
} satisfies Record<TopicKind, z.ZodType>;

export type MessageSchemas = typeof MESSAGE_SCHEMAS;
/** The message a reader gets on a topic of kind K (transaction ids already strings). */
export type MessageOf<K extends TopicKind> = z.output<MessageSchemas[K]>;
/** What a writer may pass for a topic of kind K (transaction ids as string or integer). */
export type MessageInputOf<K extends TopicKind> = z.input<MessageSchemas[K]>;
