import { z } from "zod";

type JsonObject = Record<string, unknown>;

/**
 * The wire shape of a message as JSON Schema draft-07, the dialect AsyncAPI schemas extend. `io: "input"`
 * describes what a publisher may send (transaction ids as string or integer) and leaves
 * additionalProperties open, which is exactly the tolerant-reader rule.
 */
export function payloadSchema(schema: z.ZodType): JsonObject {
  const json: JsonObject = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-07",
    override: ({ jsonSchema }) => {
      // zod adds its own date-time regex; `format` says the same thing and reads better to a bridge author.
      if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
    },
  });
  delete json["$schema"];
  return json;
}
