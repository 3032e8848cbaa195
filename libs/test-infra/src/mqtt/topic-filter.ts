/**
 * Whether `topic` matches the subscription `filter` by the MQTT rules: `+` is one level, a trailing `#`
 * is the parent and everything below it, and a filter starting with a wildcard never matches `$SYS`-style
 * topics. A shared subscription (`$share/group/filter`) matches what its inner filter matches.
 */
export function topicMatchesFilter(filter: string, topic: string): boolean {
  const inner = filter.startsWith("$share/") ? filter.split("/").slice(2).join("/") : filter;
  const filterLevels = inner.split("/");
  const topicLevels = topic.split("/");
  if (topic.startsWith("$") && (filterLevels[0] === "+" || filterLevels[0] === "#")) return false;

  for (const [index, level] of filterLevels.entries()) {
    if (level === "#") return true;
    const topicLevel = topicLevels[index];
    if (topicLevel === undefined) return false;
    if (level !== "+" && level !== topicLevel) return false;
  }
  return filterLevels.length === topicLevels.length;
}
