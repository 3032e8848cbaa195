/** What each channel is for, written for someone integrating from the AsyncAPI document alone. */
import type { TopicKind } from "../topics/topic-tree.js";

export interface ChannelDoc {
  title: string;
  description: string;
}

export const CHANNEL_DOCS: Record<TopicKind, ChannelDoc> = {
  panelBudget: {
    title: "Panel budget",
    description:
      "The power (and optionally per-phase current) a panel may hand to its chargers. Published retained by " +
      "the site-master whenever it changes; a panel-engine ignores a budget whose `sequence` is lower than " +
      "the last one it applied and falls back to its fail-safe budget once `expiresAt` has passed.",
  },
  panelStatus: {
    title: "Panel status",
    description:
      "Demand, minimum and allocation of a panel, its sessions and the engine holding the lease. Published " +
      "retained by the active panel-engine: at once after it applies a budget, otherwise at most every `statusMinIntervalMs` (250 ms) and at least every recompute interval; `publishedAt` tells how fresh it is.",
  },
  sessionEvent: {
    title: "Session events",
    description:
      "OCPP bridges publish here for every transaction of the charger: `started` (OCPP 1.6 StartTransaction, " +
      "2.x TransactionEvent Started), `updated` when caps, priority or wiring change, `meter-values` for " +
      "readings and `stopped` at the end. `transactionId` may be an integer or a string; it is read as a " +
      "string. Publish at QoS 1: a lost `stopped` would keep power reserved for a car that left.",
  },
  profileCommand: {
    title: "Profile commands",
    description:
      "What a bridge relays to the charger. For every message: (1) drop it if `chargerId` differs from the " +
      "topic's; (2) drop it if `expiresAt` has passed; (3) drop it if `epoch` is lower than the highest " +
      "epoch seen for this charger, else remember `epoch`; (4) send `payload` as the OCPP CALL named by " +
      "`action`, in `ocppVersion`; (5) publish a command result with the same `messageId`. Dropped commands " +
      "are answered `Rejected` with reason `fenced` or `expired`. Never retained.",
  },
  commandResult: {
    title: "Command results",
    description:
      "The bridge's answer to a profile command, matched by `messageId`. Publish once per command, at QoS 1.",
  },
  siteMeter: {
    title: "Site meter",
    description:
      "Optional: measured load on the grid connection that is not EV charging. The site-master subtracts it " +
      "from the grid limit. Not retained; the site-master treats a reading older than its configured age as " +
      "missing.",
  },
  setGridLimit: {
    title: "Set grid limit",
    description:
      "Operator command to the site-master. The result goes to `replyTo`, or the default result topic.",
  },
  setSafetyMargin: {
    title: "Set safety margin",
    description: "Operator command to the site-master: power kept unallocated below the grid limit.",
  },
  setPanelBudgetCap: {
    title: "Set panel budget cap",
    description: "Operator command to the site-master: the most it may ever give this panel.",
  },
  setPanelStrategy: {
    title: "Set panel strategy",
    description:
      "Operator command to the panel's active engine: how it divides the panel budget among sessions.",
  },
  operatorResult: {
    title: "Operator results",
    description:
      "Default reply topic for operator commands (a command's `replyTo` overrides it). Matched by `requestId`.",
  },
  error: {
    title: "Error reports",
    description:
      "Any component reports a message it refused or a failure here, `source` naming itself. For operators " +
      "and monitoring; nothing acts on it automatically.",
  },
};

export const PARAMETER_DOCS: Record<string, string> = {
  site: "Site id.",
  panel: "Panel id.",
  chargerId: "OCPP identity of the charger (the same as the charge point's OCPP-J identity).",
  source: "Id of the reporting component.",
};
