/**
 * Subscription patterns per role. Built from the same templates as the topics, with `+` standing for any
 * id, so a role subscribes to exactly the topics it is meant to read.
 */
import { escapeId } from "./escape-id.js";
import { TOPIC_ROOT, templateLevels } from "./topic-tree.js";
import type { TopicIds, TopicKind } from "./topic-tree.js";

/** A pattern for `kind`: given ids are escaped, missing ones become the `+` wildcard. */
export function topicPattern<K extends TopicKind>(kind: K, ids: Partial<TopicIds<K>>): string {
  const values = ids as Record<string, string | undefined>;
  const levels = templateLevels(kind).map((level) => {
    if ("literal" in level) return level.literal;
    const id = values[level.param];
    return id === undefined ? "+" : escapeId(id, level.param);
  });
  return [TOPIC_ROOT, ...levels].join("/");
}

export const subscriptions = {
  /**
   * A panel-engine (active or standby: both keep their state warm) reads its budget, operator strategy
   * commands for its panel, and the session events and command results of its chargers. Given the ids of
   * its chargers it subscribes to those alone, so on a site of many panels each engine hears only its own
   * chargers' traffic; without them, every charger of the site (it then ignores the others').
   */
  panelEngine: (site: string, panel: string, chargerIds?: readonly string[]): string[] => [
    topicPattern("panelBudget", { site, panel }),
    topicPattern("setPanelStrategy", { site, panel }),
    ...(chargerIds === undefined
      ? [topicPattern("sessionEvent", { site }), topicPattern("commandResult", { site })]
      : chargerIds.flatMap((chargerId) => [
          topicPattern("sessionEvent", { site, chargerId }),
          topicPattern("commandResult", { site, chargerId }),
        ])),
  ],
  /** The site-master reads every panel's status, the site meter and the site-level operator commands. */
  siteMaster: (site: string): string[] => [
    topicPattern("panelStatus", { site }),
    topicPattern("siteMeter", { site }),
    topicPattern("setGridLimit", { site }),
    topicPattern("setSafetyMargin", { site }),
    topicPattern("setPanelBudgetCap", { site }),
  ],
  /** An OCPP bridge reads the profile commands of the site's chargers (or of one charger). */
  bridge: (site: string, chargerId?: string): string[] => [
    topicPattern("profileCommand", chargerId === undefined ? { site } : { site, chargerId }),
  ],
  /** An operator console reads results on the default reply topic, panel status and error reports. */
  operator: (site: string): string[] => [
    topicPattern("operatorResult", { site }),
    topicPattern("panelStatus", { site }),
    topicPattern("error", { site }),
  ],
};

/**
 * Whether `topic` matches the MQTT filter `pattern` (`+` one level, trailing `#` any remainder). Lets a
 * process that shares one connection between roles route messages without a broker round trip.
 */
export function topicMatches(pattern: string, topic: string): boolean {
  const want = pattern.split("/");
  const got = topic.split("/");
  for (const [index, level] of want.entries()) {
    if (level === "#") return index === want.length - 1;
    if (index >= got.length) return false;
    if (level !== "+" && level !== got[index]) return false;
  }
  return want.length === got.length;
}
