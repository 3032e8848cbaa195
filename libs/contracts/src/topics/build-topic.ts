import { escapeId } from "./escape-id.js";
import { TOPIC_ROOT, templateLevels } from "./topic-tree.js";
import type { TopicIds, TopicKind } from "./topic-tree.js";

/** The topic of kind `kind` for the given ids, each escaped into one level. */
export function buildTopic<K extends TopicKind>(kind: K, ids: TopicIds<K>): string {
  const values = ids as Record<string, string | undefined>;
  const levels = templateLevels(kind).map((level) => {
    if ("literal" in level) return level.literal;
    return escapeId(values[level.param] ?? "", level.param);
  });
  return [TOPIC_ROOT, ...levels].join("/");
}

/** Positional builders for every topic, the way services and tests spell them. */
export const topics = {
  panelBudget: (site: string, panel: string) => buildTopic("panelBudget", { site, panel }),
  panelStatus: (site: string, panel: string) => buildTopic("panelStatus", { site, panel }),
  sessionEvent: (site: string, chargerId: string) => buildTopic("sessionEvent", { site, chargerId }),
  profileCommand: (site: string, chargerId: string) => buildTopic("profileCommand", { site, chargerId }),
  commandResult: (site: string, chargerId: string) => buildTopic("commandResult", { site, chargerId }),
  siteMeter: (site: string) => buildTopic("siteMeter", { site }),
  setGridLimit: (site: string) => buildTopic("setGridLimit", { site }),
  setSafetyMargin: (site: string) => buildTopic("setSafetyMargin", { site }),
  setPanelBudgetCap: (site: string, panel: string) => buildTopic("setPanelBudgetCap", { site, panel }),
  setPanelStrategy: (site: string, panel: string) => buildTopic("setPanelStrategy", { site, panel }),
  operatorResult: (site: string) => buildTopic("operatorResult", { site }),
  error: (site: string, source: string) => buildTopic("error", { site, source }),
} satisfies { [K in TopicKind]: (...ids: string[]) => string };
