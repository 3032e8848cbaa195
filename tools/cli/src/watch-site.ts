/**
 * MQTT → site view: subscribes to a site's retained panel budgets and statuses and its error reports,
 * decodes each message by the contract and folds it into a SiteViewState.
 */
import { decodeTopicMessage, parseTopic, topicPattern, type TopicKind } from "@smart-charge/contracts";
import type { MqttClient } from "mqtt";
import type { SiteLayout } from "./view/site-layout.js";
import {
  applySiteViewEvent,
  emptySiteViewState,
  type SiteViewEvent,
  type SiteViewState,
} from "./view/site-view-state.js";

export interface WatchSiteOptions {
  /** A connected client; the caller owns it and ends it after stop(). */
  client: MqttClient;
  site: string;
  layout?: SiteLayout;
  /** Called after every message that changed the view. */
  onChange?: (state: SiteViewState) => void;
  /** How long no message must arrive before the retained ones count as all received. Default 500 ms. */
  settleMs?: number;
}

export interface SiteWatch {
  /** The view as of the last message. */
  readonly state: SiteViewState;
  /**
   * Resolves once the broker's retained messages have arrived. MQTT has no end-of-retained marker, so
   * this is when no message came for `settleMs` after the subscription was granted.
   */
  readonly settled: Promise<SiteViewState>;
  /** Unsubscribes and stops folding. */
  stop(): Promise<void>;
}

const WATCHED: readonly TopicKind[] = ["panelBudget", "panelStatus", "error"];

function eventOf(topic: string, payload: Buffer, site: string): SiteViewEvent | null {
  const parsed = parseTopic(topic);
  if (parsed === null || parsed.site !== site || !WATCHED.includes(parsed.kind)) return null;
  // An empty retained payload is how a retained budget or status is deleted at the broker.
  if (payload.length === 0 && (parsed.kind === "panelBudget" || parsed.kind === "panelStatus"))
    return { type: "cleared", kind: parsed.kind, panel: parsed.panel };
  const decoded = decodeTopicMessage(topic, payload);
  return decoded.ok
    ? { type: "message", message: decoded.value }
    : { type: "refused", topic, error: decoded.error };
}

export async function watchSite(options: WatchSiteOptions): Promise<SiteWatch> {
  const { client, site, onChange } = options;
  const settleMs = options.settleMs ?? 500;
  const patterns = WATCHED.map((kind) => topicPattern(kind, { site }));
  let state = emptySiteViewState(site, options.layout);
  let quietTimer: NodeJS.Timeout | undefined;
  let subscribed = false;
  let markSettled: (state: SiteViewState) => void = () => {};
  const settled = new Promise<SiteViewState>((resolve) => (markSettled = resolve));
  const restartQuietWindow = (): void => {
    if (!subscribed) return;
    clearTimeout(quietTimer);
    quietTimer = setTimeout(() => markSettled(state), settleMs);
  };

  const onMessage = (topic: string, payload: Buffer): void => {
    const event = eventOf(topic, payload, site);
    if (event === null) return;
    const next = applySiteViewEvent(state, event);
    restartQuietWindow();
    if (next === state) return;
    state = next;
    onChange?.(state);
  };

  // Listen before subscribing: retained messages can arrive right behind the SUBACK.
  client.on("message", onMessage);
  try {
    const granted = await client.subscribeAsync(patterns, { qos: 1 });
    const refused = granted.find((grant) => grant.qos === 128);
    if (refused !== undefined) throw new Error(`the broker refused the subscription to ${refused.topic}`);
  } catch (error) {
    client.off("message", onMessage);
    throw error;
  }
  subscribed = true;
  restartQuietWindow();

  return {
    get state() {
      return state;
    },
    settled,
    async stop() {
      clearTimeout(quietTimer);
      client.off("message", onMessage);
      if (client.connected) await client.unsubscribeAsync(patterns);
    },
  };
}
