import { topics } from "@smart-charge/contracts";
import fc from "fast-check";

/** A message a fuzzer sends to a panel-engine: one of its subscribed topics and arbitrary bytes. */
export interface FuzzMessage {
  topic: string;
  payload: string | Buffer;
}

/** Valid messages per subscribed topic kind, for the fuzzer to break one field at a time. */
function templates(site: string, panel: string, chargerId: string): [string, Record<string, unknown>][] {
  const now = new Date().toISOString();
  const event = { chargerId, transactionId: "tx-fuzz", connectorId: 1, ocppVersion: "1.6", at: now };
  return [
    [topics.panelBudget(site, panel), { site, panel, totalKw: 20, sequence: 3, issuedAt: now }],
    [topics.sessionEvent(site, chargerId), { type: "started", ...event, maxHardwarePowerKw: 11 }],
    [topics.sessionEvent(site, chargerId), { type: "updated", ...event, priority: 2 }],
    [topics.sessionEvent(site, chargerId), { type: "meter-values", ...event, powerKw: 3.2 }],
    [topics.sessionEvent(site, chargerId), { type: "stopped", ...event }],
    [topics.commandResult(site, chargerId), { messageId: "m-1", chargerId, status: "Accepted", at: now }],
    [topics.setPanelStrategy(site, panel), { requestId: "r-1", panel, strategy: "PRIORITY" }],
  ];
}

/**
 * Random and malformed messages on every topic a panel-engine subscribes to: arbitrary text and bytes
 * (invalid UTF-8 included), arbitrary JSON, and valid messages with one field replaced by an arbitrary
 * value or removed, on known and unknown chargers.
 */
export function fuzzMessages(
  site: string,
  panel: string,
  chargers: readonly string[],
): fc.Arbitrary<FuzzMessage> {
  const chargerId = fc.oneof(
    fc.constantFrom(...chargers),
    fc.constantFrom("CP-unknown", "CP/1", "ü"),
    fc.string({ minLength: 1, maxLength: 8 }),
  );
  const template = chargerId.chain((id) => fc.constantFrom(...templates(site, panel, id)));
  const anyTopic = template.map(([topic]) => topic);
  const garbage = fc.record({
    topic: anyTopic,
    payload: fc.oneof(
      fc.string(),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
      fc.json(),
      fc.constantFrom("", "null", "[]", "1e999", '{"totalKw":NaN}', "{"),
    ),
  });
  const broken = fc
    .tuple(template, fc.jsonValue(), fc.nat(), fc.boolean())
    .map(([[topic, message], value, index, remove]): FuzzMessage => {
      const fields = Object.keys(message);
      const field = fields[index % fields.length] as string;
      const copy: Record<string, unknown> = { ...message };
      if (remove) delete copy[field];
      else copy[field] = value;
      return { topic, payload: JSON.stringify(copy) };
    });
  return fc.oneof(garbage, broken);
}
