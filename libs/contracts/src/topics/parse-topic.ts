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

const PARSED_CAPACITY = 20_000;
/** Longer topics are matched every time: a publisher with wildcard access could send huge ones. */
const PARSED_MAX_LENGTH = 256;
/**
 * A service hears the same topics over and over (each charger's commands and results, each panel's
 * budget and status): each is matched against the templates once. Only topics of this tree are kept, up
 * to a count and a length, so a stream of made-up topics cannot make the service hold much.
 */
const parsedTopics = new Map<string, Readonly<ParsedTopic>>();

/**
 * Maps a received topic to its kind and decoded ids; null for a topic outside this tree (another
 * version, another application, or an id that is not canonically escaped). The result is shared: frozen.
 */
export function parseTopic(topic: string): Readonly<ParsedTopic> | null {
  const known = parsedTopics.get(topic);
  if (known !== undefined) return known;
  const parsed = matchTopic(topic);
  if (parsed === null) return null;
  const frozen = Object.freeze(parsed);
  if (topic.length <= PARSED_MAX_LENGTH) {
    if (parsedTopics.size >= PARSED_CAPACITY) parsedTopics.clear();
    parsedTopics.set(topic, frozen);
  }
  return frozen;
}

function matchTopic(topic: string): ParsedTopic | null {
  const levels = topic.split("/");
  if (!ROOT_LEVELS.every((root, index) => levels[index] === root)) return null;
  const rest = levels.slice(ROOT_LEVELS.length);
  for (const kind of TOPIC_KINDS) {
    const parsed = match(kind, rest);
    if (parsed !== null) return parsed;
  }
  return null;
}
