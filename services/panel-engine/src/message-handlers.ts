import type {
  CommandResult,
  FieldError,
  OperatorResult,
  PanelBudget,
  SessionEvent,
  SetPanelStrategy,
  TopicMessage,
} from "@smart-charge/contracts";
import { topics } from "@smart-charge/contracts";
import { checkBudget } from "./core/panel-budget.js";
import type { PanelController } from "./core/panel-controller.js";
import { patchFromUpdated, sessionFromStarted } from "./core/session-from-event.js";
import type { HandledMark, PanelStateStore, SessionPatch, StoredSession } from "./state/panel-state-store.js";
import { patchedSession } from "./state/stored-fields.js";

export type HandlerOutcome =
  | { kind: "ignored"; why: string }
  | { kind: "rejected"; code: string; error: FieldError }
  | { kind: "changed"; write?: PendingUpdate }
  /** A command confirmed that a held raise or the budget report waits for: recompute soon. */
  | { kind: "confirmed" }
  | { kind: "session-stopped"; session: StoredSession }
  | { kind: "reply"; replyTo: string; result: OperatorResult };

interface Context {
  controller: PanelController;
  store: PanelStateStore;
  now: number;
  /** The message's entry in the handled-message log, written with the session change it makes. */
  mark?: HandledMark;
  /**
   * The leader's one-write path: an update of a session it holds is applied to its own copy and left
   * for the recompute to write together with the commands (see PanelStateStore.updateAndCommand).
   */
  oneWrite?: boolean;
}

/** A session update applied in memory, not yet stored. */
export interface PendingUpdate {
  transactionId: string;
  /** The leader's copy before the patch: the store writes only if it holds exactly this. */
  before: StoredSession;
  patch: SessionPatch;
  mark: HandledMark;
}

const DUPLICATE: HandlerOutcome = { kind: "ignored", why: "already handled (redelivery)" };

/** What one valid message does to the panel's state; the store is written before anything is published. */
export async function handleMessage(message: TopicMessage, ctx: Context): Promise<HandlerOutcome> {
  switch (message.kind) {
    case "sessionEvent":
      return onSessionEvent(message.message, ctx);
    case "commandResult":
      return onCommandResult(message.message, ctx);
    case "panelBudget":
      return onBudget(message.message, ctx);
    case "setPanelStrategy":
      return onStrategy(message.message, ctx);
    default:
      return { kind: "ignored", why: `not for a panel-engine: ${message.kind}` };
  }
}

async function onSessionEvent(
  event: SessionEvent,
  { controller, store, now, mark, oneWrite }: Context,
): Promise<HandlerOutcome> {
  const charger = controller.config.chargers.find((c) => c.id === event.chargerId);
  // Every panel-engine of the site hears every charger; each keeps only the chargers wired to its panel.
  if (charger === undefined) return { kind: "ignored", why: "charger of another panel" };
  switch (event.type) {
    case "started": {
      const session = sessionFromStarted(event, charger, now);
      if ("field" in session) return { kind: "rejected", code: "invalid-message", error: session };
      const started = await store.startSession(session, mark);
      if (started === "duplicate") return DUPLICATE;
      if (started === "exists") return { kind: "ignored", why: "session already known (redelivery)" };
      controller.sessions.set(session.transactionId, session);
      return { kind: "changed" };
    }
    case "updated": {
      const patch = patchFromUpdated(event, charger);
      const held = controller.sessions.get(event.transactionId);
      if (oneWrite === true && mark !== undefined && held !== undefined) {
        controller.sessions.set(event.transactionId, patchedSession(held, patch));
        return { kind: "changed", write: { transactionId: event.transactionId, before: held, patch, mark } };
      }
      const updated = await store.updateSession(event.transactionId, patch, mark);
      if (updated === "duplicate") return DUPLICATE;
      if (updated === null) return unknownSession(event.transactionId);
      controller.sessions.set(updated.transactionId, updated);
      return { kind: "changed" };
    }
    case "stopped": {
      const stopped = await store.stopSession(event.transactionId, mark);
      if (stopped === "duplicate") return DUPLICATE;
      if (stopped === null) return { kind: "ignored", why: "session already stopped (redelivery)" };
      controller.forget(stopped.transactionId);
      return { kind: "session-stopped", session: stopped };
    }
    case "meter-values":
      return controller.sessions.has(event.transactionId)
        ? { kind: "ignored", why: "meter values are informational" }
        : unknownSession(event.transactionId);
  }
}

function unknownSession(transactionId: string): HandlerOutcome {
  return {
    kind: "rejected",
    code: "unknown-session",
    error: { field: "transactionId", message: `no running session ${transactionId} on this panel` },
  };
}

async function onCommandResult(
  result: CommandResult,
  { controller, store }: Context,
): Promise<HandlerOutcome> {
  const accepted = result.status === "Accepted";
  const transactionId = controller.onResult(result.messageId, accepted);
  if (transactionId === undefined) return { kind: "ignored", why: "result of a command no longer pending" };
  if (accepted) {
    await store.acknowledgeCommand(transactionId, result.messageId);
    // After a grid-limit change every charger answers at once: recompute only when it can matter.
    return controller.awaitsConfirmation()
      ? { kind: "confirmed" }
      : { kind: "ignored", why: "confirmed; no raise or budget report waits for it" };
  }
  return {
    kind: "rejected",
    code: "command-refused",
    error: {
      field: "status",
      message: `${result.chargerId} answered ${result.status}${result.reason ? ` (${result.reason})` : ""}`,
    },
  };
}

async function onBudget(budget: PanelBudget, { controller, store }: Context): Promise<HandlerOutcome> {
  const problem = checkBudget(budget, controller.config);
  if (problem !== null) return { kind: "rejected", code: "budget-over-rating", error: problem };
  if (!(await store.saveBudget(budget)))
    return { kind: "ignored", why: "budget sequence not newer than the one applied" };
  controller.budget = budget;
  return { kind: "changed" };
}

async function onStrategy(
  command: SetPanelStrategy,
  { controller, store }: Context,
): Promise<HandlerOutcome> {
  const replyTo = command.replyTo ?? topics.operatorResult(controller.config.site);
  const windows =
    command.timeOfUse !== undefined
      ? [command.timeOfUse]
      : controller.strategy.kind === "TIME_OF_USE"
        ? controller.strategy.windows
        : undefined;
  if (command.strategy === "TIME_OF_USE" && windows === undefined) {
    return {
      kind: "reply",
      replyTo,
      result: {
        requestId: command.requestId,
        ok: false,
        error: { field: "timeOfUse", message: "is required to switch to TIME_OF_USE" },
      },
    };
  }
  controller.strategy =
    command.strategy === "TIME_OF_USE"
      ? {
          kind: "TIME_OF_USE",
          windows: windows ?? [],
          ...(controller.config.timeOfUse?.timeZone
            ? { timeZone: controller.config.timeOfUse.timeZone }
            : {}),
        }
      : command.strategy === "PRIORITY"
        ? { kind: "PRIORITY", strictTiers: controller.config.strictPriorityTiers }
        : { kind: "EQUAL_SHARE" };
  await store.saveStrategy(controller.strategy);
  return {
    kind: "reply",
    replyTo,
    result: { requestId: command.requestId, ok: true, applied: { strategy: command.strategy } },
  };
}
