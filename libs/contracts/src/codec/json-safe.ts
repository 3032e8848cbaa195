/**
 * JSON.stringify turns NaN and Infinity into null and drops functions silently; inside an opaque OCPP
 * payload that would send a charger a limit nobody wrote. Returns the path of the first such value.
 */
export function firstNonJsonValue(value: unknown, path: readonly string[] = []): string[] | null {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? null : [...path];
    case "bigint":
    case "function":
    case "symbol":
      return [...path];
    case "object": {
      if (value === null) return null;
      const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
      for (const [key, item] of entries) {
        const found = firstNonJsonValue(item, [...path, String(key)]);
        if (found !== null) return found;
      }
      return null;
    }
    default:
      return null;
  }
}
