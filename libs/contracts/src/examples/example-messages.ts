/**
 * One realistic message per topic kind, for the AsyncAPI document and the README. Tests decode every one
 * of them, so the documentation cannot show a message the schemas would refuse.
 */
import type { MessageInputOf } from "../schemas/message-schemas.js";
import type { TopicIds, TopicKind } from "../topics/topic-tree.js";
import { PROFILE_COMMAND_EXAMPLES } from "./profile-command-examples.js";
import { SESSION_EVENT_EXAMPLES } from "./session-event-examples.js";

export interface Example<K extends TopicKind> {
  name: string;
  ids: TopicIds<K>;
  message: MessageInputOf<K>;
}

export const EXAMPLE_SITE = "depot-north";
const site = EXAMPLE_SITE;
const at = "2025-03-14T09:30:00Z";

/** The main example of each kind; see examplesOf for all of them. */
export const EXAMPLES: { [K in TopicKind]: Example<K> } = {
  panelBudget: {
    name: "budget-with-phase-limits",
    ids: { site, panel: "panel-a" },
    message: {
      site,
      panel: "panel-a",
      totalKw: 66,
      phaseAmps: { L1: 96, L2: 96, L3: 96 },
      sequence: 418,
      issuedAt: at,
      expiresAt: "2025-03-14T09:35:00Z",
    },
  },
  panelStatus: {
    name: "two-sessions-at-hardware-cap",
    ids: { site, panel: "panel-a" },
    message: {
      site,
      panel: "panel-a",
      leader: { instanceId: "panel-engine-a-7f9c", epoch: 12 },
      demandKw: 44,
      minimumKw: 8.4,
      allocatedKw: 44,
      budgetKw: 66,
      appliedBudgetSequence: 418,
      strategy: "EQUAL_SHARE",
      sessions: [
        {
          transactionId: "1187",
          chargerId: "CP-017",
          connectorId: 1,
          allocatedKw: 22,
          minChargeRateKw: 4.2,
          reason: "hardware-cap",
        },
        {
          transactionId: "tx-9b2",
          chargerId: "CP-018",
          connectorId: 1,
          allocatedKw: 22,
          minChargeRateKw: 4.2,
          reason: "hardware-cap",
        },
      ],
      publishedAt: at,
    },
  },
  sessionEvent: SESSION_EVENT_EXAMPLES[0],
  profileCommand: PROFILE_COMMAND_EXAMPLES[0],
  commandResult: {
    name: "accepted",
    ids: { site, chargerId: "CP-017" },
    message: {
      messageId: "5f0c3a52-8d1e-4c47-9a35-0f6b8e1d2c90",
      chargerId: "CP-017",
      status: "Accepted",
      at,
    },
  },
  siteMeter: {
    name: "reading",
    ids: { site },
    message: { site, nonEvLoadKw: 37.5, phaseAmps: { L1: 58, L2: 51, L3: 54 }, measuredAt: at },
  },
  setGridLimit: {
    name: "limit-with-phases",
    ids: { site },
    message: {
      requestId: "op-2025-0314-01",
      replyTo: "ops/console-3/replies",
      limitKw: 150,
      phaseAmps: { L1: 220, L2: 220, L3: 220 },
    },
  },
  setSafetyMargin: {
    name: "ten-percent",
    ids: { site },
    message: { requestId: "op-2025-0314-02", marginPercent: 10 },
  },
  setPanelBudgetCap: {
    name: "cap-80-kw",
    ids: { site, panel: "panel-a" },
    message: { requestId: "op-2025-0314-03", panel: "panel-a", capKw: 80 },
  },
  setPanelStrategy: {
    name: "priority",
    ids: { site, panel: "panel-a" },
    message: { requestId: "op-2025-0314-04", panel: "panel-a", strategy: "PRIORITY" },
  },
  operatorResult: {
    name: "applied",
    ids: { site },
    message: { requestId: "op-2025-0314-01", ok: true, applied: { limitKw: 150 }, at },
  },
  error: {
    name: "fenced-command",
    ids: { site, source: "bridge-ocpp16-1" },
    message: {
      source: "bridge-ocpp16-1",
      code: "fenced",
      error: { field: "epoch", message: "epoch 11 is lower than 12, already seen for CP-017" },
      topic: "sce/v1/depot-north/chargers/CP-017/commands",
      at,
    },
  },
};

/** Every example of a kind: session events have one per event type, profile commands one per action. */
export function examplesOf<K extends TopicKind>(kind: K): readonly Example<K>[] {
  const all: { [T in TopicKind]?: readonly Example<T>[] } = {
    sessionEvent: SESSION_EVENT_EXAMPLES,
    profileCommand: PROFILE_COMMAND_EXAMPLES,
  };
  return all[kind] ?? [EXAMPLES[kind]];
}
