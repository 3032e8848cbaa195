/**
 * How each kind of topic is published and who is on either end. Retained topics carry state a process
 * needs the moment it (re)connects; commands and events are never retained, or a reconnecting charger
 * bridge would replay a stale command.
 */
import type { TopicKind } from "./topic-tree.js";

export type Role =
  "site-master" | "panel-engine" | "ocpp-bridge" | "site-meter" | "operator" | "any component";

export interface Delivery {
  retained: boolean;
  /** QoS 1 wherever a lost message costs safety or correctness; QoS 0 for readings superseded by the next. */
  qos: 0 | 1;
  publishers: readonly Role[];
  subscribers: readonly Role[];
}

export const DELIVERY: Record<TopicKind, Delivery> = {
  panelBudget: { retained: true, qos: 1, publishers: ["site-master"], subscribers: ["panel-engine"] },
  panelStatus: {
    retained: true,
    qos: 1,
    publishers: ["panel-engine"],
    subscribers: ["site-master", "operator"],
  },
  sessionEvent: { retained: false, qos: 1, publishers: ["ocpp-bridge"], subscribers: ["panel-engine"] },
  profileCommand: { retained: false, qos: 1, publishers: ["panel-engine"], subscribers: ["ocpp-bridge"] },
  commandResult: { retained: false, qos: 1, publishers: ["ocpp-bridge"], subscribers: ["panel-engine"] },
  siteMeter: { retained: false, qos: 0, publishers: ["site-meter"], subscribers: ["site-master"] },
  setGridLimit: { retained: false, qos: 1, publishers: ["operator"], subscribers: ["site-master"] },
  setSafetyMargin: { retained: false, qos: 1, publishers: ["operator"], subscribers: ["site-master"] },
  setPanelBudgetCap: { retained: false, qos: 1, publishers: ["operator"], subscribers: ["site-master"] },
  setPanelStrategy: { retained: false, qos: 1, publishers: ["operator"], subscribers: ["panel-engine"] },
  operatorResult: {
    retained: false,
    qos: 1,
    publishers: ["site-master", "panel-engine"],
    subscribers: ["operator"],
  },
  error: { retained: false, qos: 0, publishers: ["any component"], subscribers: ["operator"] },
};
