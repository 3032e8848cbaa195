/** A command line that cannot be run; `argument` names what to fix (`<kW>`, `--phase-amps`, `--site`). */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}
