import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../examples/example-messages.js";
import { setSafetyMarginSchema } from "./operator-commands.js";
import { operatorResultSchema } from "./operator-result.js";
import { panelBudgetSchema } from "./panel-budget.js";
import { profileCommandSchema } from "./profile-command.js";

const issueOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } | undefined }) => {
  const issue = result.error?.issues[0];
  return issue && { field: issue.path.join("."), message: issue.message };
};

describe("rules spanning several fields", () => {
  it("expiresAt must come after issuedAt, on commands and budgets", () => {
    const command = { ...EXAMPLES.profileCommand.message, expiresAt: "2025-03-14T09:29:59Z" };
    expect(issueOf(profileCommandSchema.safeParse(command))).toEqual({
      field: "expiresAt",
      message: "must be later than issuedAt",
    });
    const budget = { ...EXAMPLES.panelBudget.message, expiresAt: EXAMPLES.panelBudget.message.issuedAt };
    expect(issueOf(panelBudgetSchema.safeParse(budget))?.field).toBe("expiresAt");
  });

  it("a safety margin is given in exactly one unit", () => {
    expect(setSafetyMarginSchema.safeParse({ requestId: "r1", marginKw: 5 }).success).toBe(true);
    expect(setSafetyMarginSchema.safeParse({ requestId: "r1", marginPercent: 10 }).success).toBe(true);
    expect(issueOf(setSafetyMarginSchema.safeParse({ requestId: "r1" }))?.field).toBe("marginKw");
    expect(
      issueOf(setSafetyMarginSchema.safeParse({ requestId: "r1", marginKw: 5, marginPercent: 10 }))?.field,
    ).toBe("marginKw");
    expect(issueOf(setSafetyMarginSchema.safeParse({ requestId: "r1", marginPercent: 100 }))?.field).toBe(
      "marginPercent",
    );
  });

  it("an operator result carries an error exactly when it failed", () => {
    const failed = {
      requestId: "r1",
      ok: false,
      error: { field: "limitKw", message: "above the connection rating" },
    };
    expect(operatorResultSchema.safeParse(failed).success).toBe(true);
    expect(issueOf(operatorResultSchema.safeParse({ requestId: "r1", ok: false }))?.field).toBe("error");
    expect(issueOf(operatorResultSchema.safeParse({ ...failed, ok: true }))?.field).toBe("error");
  });

  it("a profile command's epoch is a non-negative integer and its message id fits OCPP-J", () => {
    const command = EXAMPLES.profileCommand.message;
    expect(issueOf(profileCommandSchema.safeParse({ ...command, epoch: -1 }))?.field).toBe("epoch");
    expect(issueOf(profileCommandSchema.safeParse({ ...command, epoch: 1.5 }))?.field).toBe("epoch");
    expect(issueOf(profileCommandSchema.safeParse({ ...command, messageId: "x".repeat(37) }))?.field).toBe(
      "messageId",
    );
    expect(issueOf(profileCommandSchema.safeParse({ ...command, action: "Reset" }))?.field).toBe("action");
  });
});
