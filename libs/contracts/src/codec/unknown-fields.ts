/**
 * Readers drop fields they do not know (forward compatibility); writers must not send them, because a
 * misspelt optional field (`phaseAmp` for `phaseAmps`) would be dropped silently and a limit lost.
 * Parsing drops unknown keys, so a key in the input that is missing from the parsed output is unknown.
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Path of the first key of `input` that parsing dropped, or null when every key survived. */
export function firstDroppedKey(input: unknown, output: unknown): string[] | null {
  const reversed = droppedKeyReversed(input, output);
  return reversed === null ? null : reversed.reverse();
}

// Every message we publish is walked: the path is built only once something is found, on the way back.
function droppedKeyReversed(input: unknown, output: unknown): string[] | null {
  if (Array.isArray(input) && Array.isArray(output)) {
    for (let index = 0; index < input.length; index++) {
      const found = droppedKeyReversed(input[index], output[index]);
      if (found !== null) return (found.push(String(index)), found);
    }
    return null;
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return null;
  for (const key in input) {
    if (!Object.hasOwn(input, key)) continue;
    const value = input[key];
    if (value === undefined) continue;
    if (!Object.hasOwn(output, key)) return [key];
    const found = droppedKeyReversed(value, output[key]);
    if (found !== null) return (found.push(key), found);
  }
  return null;
}
