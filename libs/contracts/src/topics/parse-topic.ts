import { unescapeId } from "./escape-id.js";
import { TOPIC_KINDS, TOPIC_ROOT, templateLevels } from "./topic-tree.js";
import type { ParsedTopic, TopicKind } from "./topic-tree.js";

const ROOT_LEVELS = TOPIC_ROOT.split("/");

function match(kind: TopicKind, levels: readonly string[]): ParsedTopic | null {
  const template = templateLevels(kind);
  if (template.length !== levels.length) return null;
  const ids: Record<string, string> = {};
  for (const [index, level] of template.entries()) {
    const actual = levels[index] ?? "";
    if ("literal" in level) {
      if (actual !== level.literal) return null;
      continue;
    }
    const id = unescapeId(actual);
    if (id === null) return null;
    ids[level.param] = id;
  }
  // The template guarantees that ids holds exactly the parameters of `kind`.
  return { kind, ...ids } as ParsedTopic;
}

/**
 * Maps a received topic to its kind and decoded ids; null for a topic outside this tree (another
 * version, another application, or an id that is not canonically escaped).
 */
export function parseTopic(topic: string): ParsedTopic | null {
  const levels = topic.split("/");
  if (!ROOT_LEVELS.every((root, index) => levels[index] === root)) return null;
  const rest = levels.slice(ROOT_LEVELS.length);
  for (const kind of TOPIC_KINDS) {
    const parsed = match(kind, rest);
    if (parsed !== null) return parsed;
  }
  return null;
}
