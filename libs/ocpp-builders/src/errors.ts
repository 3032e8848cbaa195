/**
 * Thrown when an input cannot become a profile that a charger would accept.
 *
 * `field` names the offending input (for example `allocatedW`, `periods[2].startPeriod`, `purpose`), so a
 * caller can log or surface it without parsing the message.
 */
export class OcppProfileError extends Error {
  override readonly name = "OcppProfileError";

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
