/**
 * The bench's stand-in for the OCPP bridge: it receives every profile command of the site, answers each
 * Accepted (as a charger does after its round trip, `answerMs` later), and tells when every charger has
 * had a SetChargingProfile since a round began. It is the measuring instrument and shares the machine's
 * cores with what it measures, so it costs as little as it can: a bare MQTT connection
 * (bare-mqtt-connection.ts), the charger read from the topic, the message id from the text (the engines'
 * commands were validated by the contract when they were published).
 */
import { parseTopic, topicPattern, topics } from "@smart-charge/contracts";
import { uniqueId } from "@smart-charge/test-infra";
import { performance } from "node:perf_hooks";
import { connectBareMqtt, type BareMqttConnection } from "./bare-mqtt-connection.js";

/** The value of a string field that needs no JSON escaping (message ids are UUIDs), else undefined. */
function plainStringField(json: string, name: string): string | undefined {
  const key = `"${name}":"`;
  const start = json.indexOf(key);
  if (start < 0) return undefined;
  const from = start + key.length;
  const end = json.indexOf('"', from);
  const value = json.slice(from, end);
  return end < 0 || value.includes("\\") ? undefined : value;
}

export interface Round {
  /** When the last charger got its profile (performance.now()). */
  readonly done: Promise<number>;
  /** When the first one did. */
  firstAt(): number | undefined;
}

export async function startMeasuringBridge(url: string, site: string, total: number, answerMs: number) {
  const answering = new Set<NodeJS.Timeout>();
  let round: { firstAt?: number; seen: Set<string>; resolve: (at: number) => void } | undefined;
  /** Per command topic: the charger and the topic its results go to, worked out once. */
  const chargers = new Map<string, { chargerId: string; resultTopic: string }>();

  const chargerOf = (topic: string, text: string) => {
    let charger = chargers.get(topic);
    if (charger === undefined) {
      const parsed = parseTopic(topic);
      if (parsed?.kind !== "profileCommand")
        throw new Error(`the bench bridge cannot read ${topic}: ${text.slice(0, 200)}`);
      charger = { chargerId: parsed.chargerId, resultTopic: topics.commandResult(site, parsed.chargerId) };
      chargers.set(topic, charger);
    }
    return charger;
  };
  const answer = (
    publish: BareMqttConnection["publish"],
    resultTopic: string,
    chargerId: string,
    messageId: string,
  ) =>
    publish(
      resultTopic,
      `{"messageId":"${messageId}","chargerId":${JSON.stringify(chargerId)},"status":"Accepted","at":"${new Date().toISOString()}"}`,
    );

  const connection = await connectBareMqtt({
    url,
    clientId: uniqueId("bench-bridge"),
    filter: topicPattern("profileCommand", { site }),
    onMessage({ topic, payload }, publish) {
      const text = payload.toString();
      const { chargerId, resultTopic } = chargerOf(topic, text);
      const messageId = plainStringField(text, "messageId");
      if (messageId === undefined)
        throw new Error(`the bench bridge cannot read ${topic}: ${text.slice(0, 200)}`);
      if (answerMs === 0) answer(publish, resultTopic, chargerId, messageId);
      else {
        const timer = setTimeout(
          () => (answering.delete(timer), answer(publish, resultTopic, chargerId, messageId)),
          answerMs,
        );
        answering.add(timer);
      }
      if (round === undefined || !text.includes('"action":"SetChargingProfile"')) return;
      round.firstAt ??= performance.now();
      round.seen.add(chargerId);
      if (round.seen.size === total) {
        const finished = round;
        round = undefined;
        finished.resolve(performance.now());
      }
    },
  });

  return {
    /** Starts counting: resolves once each of the `total` chargers received a SetChargingProfile. */
    startRound(): Round {
      const next = { seen: new Set<string>() } as NonNullable<typeof round>;
      const done = new Promise<number>((resolve) => (next.resolve = resolve));
      round = next;
      return { done, firstAt: () => next.firstAt };
    },
    /** Chargers with a profile in the round under way. */
    seen: () => round?.seen.size ?? total,
    async stop() {
      for (const timer of answering) clearTimeout(timer);
      await connection.end();
    },
  };
}
