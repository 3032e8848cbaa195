import type { IPublishPacket } from "mqtt";

/** One message a MessageRecorder received, in arrival order. */
export interface RecordedMessage {
  topic: string;
  payload: Buffer;
  /** The payload as UTF-8 text. */
  text: string;
  retain: boolean;
  qos: 0 | 1 | 2;
  /** The payload parsed as JSON; throws if it is not JSON. */
  json(): unknown;
}

export type MessagePredicate = (message: RecordedMessage) => boolean;

export function recordedMessage(topic: string, payload: Buffer, packet: IPublishPacket): RecordedMessage {
  const text = payload.toString("utf8");
  return {
    topic,
    payload,
    text,
    retain: packet.retain,
    qos: packet.qos,
    json: () => JSON.parse(text) as unknown,
  };
}

const MAX_LISTED = 20;
const MAX_TEXT = 300;

/** Lists what arrived, for a timeout error: the point is to see the near miss. */
export function describeReceived(messages: readonly RecordedMessage[]): string {
  if (messages.length === 0) return "Received no messages at all.";
  const listed = messages.slice(-MAX_LISTED).map((message) => {
    const text = message.text.length > MAX_TEXT ? `${message.text.slice(0, MAX_TEXT)}…` : message.text;
    return `  ${message.topic}${message.retain ? " (retained)" : ""} ${text}`;
  });
  const skipped = messages.length - listed.length;
  return [
    `Received ${messages.length} message(s)${skipped > 0 ? `, the last ${listed.length}` : ""}:`,
    ...listed,
  ].join("\n");
}
