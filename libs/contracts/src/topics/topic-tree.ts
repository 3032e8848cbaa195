/**
 * The versioned topic tree, written once as templates: builders, parseTopic, subscription patterns and
 * the AsyncAPI channels are all derived from this table, so they cannot disagree.
 */

/** Every topic starts here; a breaking change to any message moves the whole tree to `sce/v2`. */
export const TOPIC_ROOT = "sce/v1";

export const TOPIC_TEMPLATES = {
  panelBudget: "{site}/panels/{panel}/budget",
  panelStatus: "{site}/panels/{panel}/status",
  sessionEvent: "{site}/chargers/{chargerId}/events",
  profileCommand: "{site}/chargers/{chargerId}/commands",
  commandResult: "{site}/chargers/{chargerId}/results",
  siteMeter: "{site}/meter",
  setGridLimit: "{site}/operator/grid-limit",
  setSafetyMargin: "{site}/operator/safety-margin",
  setPanelBudgetCap: "{site}/operator/panels/{panel}/budget-cap",
  setPanelStrategy: "{site}/operator/panels/{panel}/strategy",
  operatorResult: "{site}/operator/results",
  error: "{site}/errors/{source}",
} as const;

export type TopicKind = keyof typeof TOPIC_TEMPLATES;
export const TOPIC_KINDS = Object.keys(TOPIC_TEMPLATES) as TopicKind[];

type ParamNames<T extends string> = T extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamNames<Rest>
  : never;

/** The ids a topic of kind K carries, e.g. `{ site, panel }` for panelBudget. */
export type TopicIds<K extends TopicKind> = { [P in ParamNames<(typeof TOPIC_TEMPLATES)[K]>]: string };

/** A received topic mapped back to its kind and decoded ids. */
export type ParsedTopic = { [K in TopicKind]: { kind: K } & TopicIds<K> }[TopicKind];

/** One template level: a literal word, or a parameter whose value is an escaped id. */
export type TemplateLevel = { literal: string } | { param: string };

// Parsed once: every topic built for a publish and every topic parsed on receipt walks these levels.
const TEMPLATE_LEVELS = Object.fromEntries(
  TOPIC_KINDS.map((kind) => [
    kind,
    Object.freeze(
      TOPIC_TEMPLATES[kind]
        .split("/")
        .map((level) => (level.startsWith("{") ? { param: level.slice(1, -1) } : { literal: level })),
    ),
  ]),
) as Record<TopicKind, readonly TemplateLevel[]>;

export function templateLevels(kind: TopicKind): readonly TemplateLevel[] {
  return TEMPLATE_LEVELS[kind];
}

export function templateParams(kind: TopicKind): string[] {
  return templateLevels(kind).flatMap((level) => ("param" in level ? [level.param] : []));
}
