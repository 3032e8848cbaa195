import { z } from "zod";

const compiled = new WeakMap<z.ZodType, z.ZodType>();

/**
 * Each schema compiled by zod (z.compile), for both sides of the contract: a valid message takes a
 * generated fast path, an invalid one falls back to the regular parser, so results and issues are those
 * of the original schema (compiled-schema.property.test.ts compares the two on random messages). Schemas
 * the compiler cannot handle come back as they are and simply keep the regular parser.
 */
export function compiledSchema<S extends z.ZodType>(schema: S): S {
  let fast = compiled.get(schema) as S | undefined;
  if (fast === undefined) {
    fast = z.compile(schema);
    compiled.set(schema, fast);
  }
  return fast;
}
