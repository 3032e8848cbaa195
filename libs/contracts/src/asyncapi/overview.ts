/** The document's introduction: the rules every channel shares, for readers who start there. */
export const API_VERSION = "1.0.0";

export const OVERVIEW = `Smart Charge Engine shares a site's grid connection among EV chargers. A **site-master** divides the
grid connection into panel budgets; one **panel-engine** per panel (active/standby) allocates its budget to the
sessions on its chargers and publishes charging-profile commands that **OCPP bridges** relay to the chargers.

Operations in this document are written from the engine's side (site-master and panel-engines): \`send\` means
the engine publishes, \`receive\` means it subscribes. Each operation says which of the two does it. A bridge does
the mirror image: it sends session events and command results and receives profile commands.

## Topic tree
All topics start with \`sce/v1/{site}/\`. Every id is one topic level, escaped: characters outside
\`[A-Za-z0-9._-]\` are percent-encoded as UTF-8 with upper-case hex (\`CP/1+A\` → \`CP%2F1%2BA\`). Only this
spelling is valid; a topic with any other spelling is not part of the tree.

## Messages
UTF-8 JSON objects. Numbers are finite; powers (kW) and currents (A) are never negative; timestamps are ISO 8601
with an offset. **Unknown fields are ignored by readers** (forward compatibility: a minor version may add optional
fields); writers send only the fields documented here. A change that alters the meaning of an existing field moves
the tree to \`sce/v2\`. A reader that refuses a message reports it on \`sce/v1/{site}/errors/{source}\` naming the
first offending field.

## MQTT 3.1.1 and MQTT 5
The contract works on MQTT 3.1.1: reply topic (\`replyTo\`), correlation id (\`messageId\`, \`requestId\`), fencing
epoch and expiry (\`expiresAt\`) live inside the JSON, and the JSON is authoritative. Over MQTT 5 the publisher also
sets responseTopic, correlationData (UTF-8 of the id) and messageExpiryInterval from the same fields, as an extra.

## Fencing
Panel-engines fail over with a lease; every profile command carries the sending engine's \`epoch\` (monotonic,
from Redis INCR). A bridge keeps the highest epoch it has seen per charger and drops any profile command with a
lower epoch, answering \`Rejected\` with reason \`fenced\`. Equal epochs are admitted. This applies to
ClearChargingProfile as much as to SetChargingProfile: a stale clear would lift a limit.
`;
