/** Where and why a message or topic id broke the contract. */
export interface ContractIssue {
  /** Dotted path of the first offending field, or a marker such as `(json)` or `(root)`. */
  field: string;
  message: string;
}

/** Field marker for a payload that is not valid UTF-8 JSON. */
export const JSON_FIELD = "(json)";
/** Field marker for a payload that is JSON but not an object, or for a rule about the whole message. */
export const ROOT_FIELD = "(root)";
/** Field marker for a topic that is outside the tree or whose ids disagree with the message. */
export const TOPIC_FIELD = "(topic)";

/**
 * Thrown by the writing side (encodeMessage, topic builders): a writer that breaks the contract is a bug
 * to fix, not a message to drop, so it fails loudly and names the field.
 */
export class ContractError extends Error {
  override readonly name = "ContractError";
  readonly field: string;
  /** The message without the field prefix, as a reader would report it. */
  readonly reason: string;

  constructor(issue: ContractIssue) {
    super(`${issue.field}: ${issue.message}`);
    this.field = issue.field;
    this.reason = issue.message;
  }

  toIssue(): ContractIssue {
    return { field: this.field, message: this.reason };
  }
}
