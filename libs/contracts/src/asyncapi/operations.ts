import { DELIVERY } from "../topics/delivery.js";
import type { Role } from "../topics/delivery.js";
import type { TopicKind } from "../topics/topic-tree.js";
import { CHANNEL_DOCS } from "./channel-docs.js";
import { messageExpiryInterval } from "./message-bindings.js";

import type { AsyncApiOperation, Ref } from "./document-types.js";

/** The roles this document speaks for; everyone else (bridges, meters, operators) is the other side. */
const ENGINE_ROLES: readonly Role[] = ["site-master", "panel-engine", "any component"];
const OPERATOR_COMMANDS: readonly TopicKind[] = [
  "setGridLimit",
  "setSafetyMargin",
  "setPanelBudgetCap",
  "setPanelStrategy",
];

const ref = (path: string): Ref => ({ $ref: `#/${path}` });
const capitalised = (kind: string): string => kind.charAt(0).toUpperCase() + kind.slice(1);

function reply(kind: TopicKind): AsyncApiOperation["reply"] {
  if (kind === "profileCommand") {
    return {
      channel: ref("channels/commandResult"),
      messages: [ref("channels/commandResult/messages/commandResult")],
    };
  }
  if (!OPERATOR_COMMANDS.includes(kind)) return undefined;
  return {
    address: {
      location: "$message.payload#/replyTo",
      description: "The command's replyTo; when it is absent, the site's operator results topic.",
    },
    channel: ref("channels/operatorResult"),
    messages: [ref("channels/operatorResult/messages/operatorResult")],
  };
}

function operation(
  kind: TopicKind,
  action: "send" | "receive",
  roles: readonly Role[],
): [string, AsyncApiOperation] {
  const { qos, retained } = DELIVERY[kind];
  const who = roles.filter((role) => ENGINE_ROLES.includes(role)).join(" / ");
  const replyTo = reply(kind);
  const interval = action === "send" ? messageExpiryInterval(kind) : undefined;
  const expiry = interval === undefined ? {} : { messageExpiryInterval: interval };
  return [
    `${action}${capitalised(kind)}`,
    {
      action,
      channel: ref(`channels/${kind}`),
      title: `${action === "send" ? "Publish" : "Subscribe to"} ${CHANNEL_DOCS[kind].title.toLowerCase()}`,
      summary: `${who} ${action === "send" ? "publishes" : "subscribes"}.`,
      bindings: { mqtt: { qos, retain: retained, ...expiry, bindingVersion: "0.2.0" } },
      messages: [ref(`channels/${kind}/messages/${kind}`)],
      ...(replyTo === undefined ? {} : { reply: replyTo }),
    },
  ];
}

/** The engine's send and/or receive operations on one channel, per the delivery table. */
export function operationsFor(kind: TopicKind): [string, AsyncApiOperation][] {
  const { publishers, subscribers } = DELIVERY[kind];
  const result: [string, AsyncApiOperation][] = [];
  if (publishers.some((role) => ENGINE_ROLES.includes(role)))
    result.push(operation(kind, "send", publishers));
  if (subscribers.some((role) => ENGINE_ROLES.includes(role)))
    result.push(operation(kind, "receive", subscribers));
  return result;
}
