/** The parts of an AsyncAPI 3.0 document this package generates, typed so tests and tools can walk it. */

export type Json = Record<string, unknown>;
export interface Ref {
  $ref: string;
}

export interface AsyncApiChannel {
  address: string;
  title: string;
  description: string;
  messages: Record<string, Ref>;
  parameters: Record<string, Ref>;
}

export interface AsyncApiOperation {
  action: "send" | "receive";
  channel: Ref;
  title: string;
  summary: string;
  bindings: { mqtt: { qos: 0 | 1; retain: boolean; messageExpiryInterval?: Json; bindingVersion: string } };
  messages: Ref[];
  reply?: { address?: { location: string; description: string }; channel: Ref; messages: Ref[] };
}

export interface AsyncApiMessage {
  name: string;
  title: string;
  contentType: string;
  correlationId?: { description: string; location: string };
  payload: Json;
  bindings: { mqtt: Json };
  examples: { name: string; payload: unknown }[];
}

export interface AsyncApiDocument {
  asyncapi: "3.0.0";
  info: { title: string; version: string; description: string };
  defaultContentType: string;
  servers: Record<string, Json & { host: string; protocol: string; protocolVersion: string }>;
  channels: Record<string, AsyncApiChannel>;
  operations: Record<string, AsyncApiOperation>;
  components: {
    messages: Record<string, AsyncApiMessage>;
    parameters: Record<string, { description: string }>;
  };
}
