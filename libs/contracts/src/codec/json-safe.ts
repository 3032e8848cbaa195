/**
 * JSON.stringify turns NaN and Infinity into null and drops functions silently; inside an opaque OCPP
 * payload that would send a charger a limit nobody wrote. Returns the path of the first such value.
 */
export function firstNonJsonValue(value: unknown): string[] | null {
  const reversed = nonJsonReversed(value);
  return reversed === null ? null : reversed.reverse();
}

// Walked for every message we publish: the path is built only once something is found, on the way back.
function nonJsonReversed(value: unknown): string[] | null {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? null : [];
    case "bigint":
    case "function":
    case "symbol":
      return [];
    case "object": {
      if (value === null) return null;
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          const found = nonJsonReversed(value[index]);
          if (found !== null) return (found.push(String(index)), found);
        }
        return null;
      }
      const record = value as Record<string, unknown>;
      for (const key in record) {
        if (!Object.hasOwn(record, key)) continue;
        const found = nonJsonReversed(record[key]);
        if (found !== null) return (found.push(key), found);
      }
      return null;
    }
    default:
      return null;
  }
}
