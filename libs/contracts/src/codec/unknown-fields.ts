/**
 * Readers drop fields they do not know (forward compatibility); writers must not send them, because a
 * misspelt optional field (`phaseAmp` for `phaseAmps`) would be dropped silently and a limit lost.
 * Parsing drops unknown keys, so a key in the input that is missing from the parsed output is unknown.
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Path of the first key of `input` that parsing dropped, or null when every key survived. */
export function firstDroppedKey(
  input: unknown,
  output: unknown,
  path: readonly string[] = [],
): string[] | null {
  if (Array.isArray(input) && Array.isArray(output)) {
    for (const [index, item] of input.entries()) {
      const found = firstDroppedKey(item, output[index], [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return null;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(output, key)) return [...path, key];
    const found = firstDroppedKey(value, output[key], [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
