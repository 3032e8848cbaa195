/**
 * The README's example: what an OCPP bridge does with each profile command. Kept as a test so the
 * README cannot show code that does not work.
 */
import { describe, expect, it } from "vitest";
import {
  EXAMPLES,
  commandResultSchema,
  createFence,
  decodeTopicMessage,
  encodeMessage,
  isExpired,
  profileCommandSchema,
  topics,
} from "./index.js";
import type { CommandResult } from "./index.js";

function handleCommand(fence: ReturnType<typeof createFence>, topic: string, payload: Buffer, now: Date) {
  const decoded = decodeTopicMessage(topic, payload);
  if (!decoded.ok || decoded.value.kind !== "profileCommand") return null; // report decoded.error on errors/{source}
  const command = decoded.value.message;
  const answer = (status: CommandResult["status"], reason?: string): CommandResult => ({
    messageId: command.messageId,
    chargerId: command.chargerId,
    status,
    ...(reason === undefined ? {} : { reason }),
    at: now.toISOString(),
  });
  if (isExpired(command, now)) return answer("Rejected", "expired");
  if (!fence.admitCommand(command)) return answer("Rejected", "fenced");
  // Here the bridge sends command.payload as an OCPP CALL named command.action and awaits the reply.
  return answer("Accepted");
}

describe("a bridge relaying profile commands", () => {
  const topic = topics.profileCommand("depot-north", "CP-017");
  const now = new Date("2025-03-14T09:30:05Z");
  const send = (epoch: number) =>
    Buffer.from(encodeMessage(profileCommandSchema, { ...EXAMPLES.profileCommand.message, epoch }));

  it("accepts the current engine, then fences the deposed one", () => {
    const fence = createFence();
    expect(handleCommand(fence, topic, send(12), now)?.status).toBe("Accepted");
    expect(handleCommand(fence, topic, send(13), now)?.status).toBe("Accepted");
    const stale = handleCommand(fence, topic, send(12), now);
    expect(stale).toMatchObject({ status: "Rejected", reason: "fenced" });
    expect(() => encodeMessage(commandResultSchema, stale as CommandResult)).not.toThrow();
  });

  it("rejects a command that outlived its expiry", () => {
    const late = handleCommand(createFence(), topic, send(12), new Date("2025-03-14T09:31:00Z"));
    expect(late).toMatchObject({ status: "Rejected", reason: "expired" });
  });

  it("ignores a command delivered on another charger's topic", () => {
    expect(
      handleCommand(createFence(), topics.profileCommand("depot-north", "CP-018"), send(12), now),
    ).toBeNull();
  });
});
