import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../examples/example-messages.js";
import { profileCommandSchema } from "../schemas/profile-command.js";
import type { ProfileCommand } from "../schemas/profile-command.js";
import { setGridLimitSchema } from "../schemas/operator-commands.js";
import type { SetGridLimit } from "../schemas/operator-commands.js";
import { isExpired, secondsUntilExpiry } from "./expiry.js";
import { operatorCommandProperties, profileCommandProperties } from "./publish-properties.js";

const command = profileCommandSchema.parse(EXAMPLES.profileCommand.message); // expires 09:31:00Z
const issued = Date.parse("2025-03-14T09:30:00Z");

describe("profileCommandProperties", () => {
  it("derives MQTT 5 properties from the fields inside the JSON", () => {
    const properties = profileCommandProperties(command, issued + 100);
    expect(properties).toEqual({
      responseTopic: "sce/v1/depot-north/chargers/CP-017/results",
      correlationData: Buffer.from(command.messageId),
      contentType: "application/json",
      payloadFormatIndicator: true,
      messageExpiryInterval: 60,
    });
  });

  it("omits the expiry when the command has none, and refuses an expired command", () => {
    const forever: ProfileCommand = { ...command };
    delete forever.expiresAt;
    expect(profileCommandProperties(forever, issued)).not.toHaveProperty("messageExpiryInterval");
    expect(() => profileCommandProperties(command, new Date("2025-03-14T09:31:00Z"))).toThrow(/expiresAt/);
  });
});

describe("operatorCommandProperties", () => {
  it("uses replyTo, or the site's default result topic", () => {
    const withReply = setGridLimitSchema.parse(EXAMPLES.setGridLimit.message);
    expect(operatorCommandProperties("depot-north", withReply).responseTopic).toBe("ops/console-3/replies");
    const noReply: SetGridLimit = { ...withReply };
    delete noReply.replyTo;
    const properties = operatorCommandProperties("depot north", noReply);
    expect(properties.responseTopic).toBe("sce/v1/depot%20north/operator/results");
    expect(properties.correlationData.toString("utf8")).toBe("op-2025-0314-01");
  });
});

describe("expiry", () => {
  it("treats the expiry instant itself as expired and rounds remaining seconds up", () => {
    expect(isExpired({}, issued)).toBe(false);
    expect(isExpired(command, issued + 59_999)).toBe(false);
    expect(isExpired(command, issued + 60_000)).toBe(true);
    expect(secondsUntilExpiry("2025-03-14T09:31:00Z", issued + 59_001)).toBe(1);
  });
});
