/** Thrown when the engine or a session is configured incorrectly; `field` names the offending input. */
export class SmartChargingConfigError extends Error {
  readonly code = "SMART_CHARGING_CONFIG_ERROR";
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.name = "SmartChargingConfigError";
    this.field = field;
  }
}

/** Thrown when a session with the given transactionId does not exist. */
export class SessionNotFoundError extends Error {
  readonly code = "SESSION_NOT_FOUND";
  readonly transactionId: number | string;
  constructor(transactionId: number | string) {
    super(`Session with transactionId "${transactionId}" not found.`);
    this.name = "SessionNotFoundError";
    this.transactionId = transactionId;
  }
}

/** Thrown when a session with the same transactionId is already registered. */
export class DuplicateSessionError extends Error {
  readonly code = "DUPLICATE_SESSION";
  readonly transactionId: number | string;
  constructor(transactionId: number | string) {
    super(`Session with transactionId "${transactionId}" is already registered.`);
    this.name = "DuplicateSessionError";
    this.transactionId = transactionId;
  }
}

/** Thrown when a strategy function throws or returns something that is not a list of profiles. */
export class StrategyError extends Error {
  readonly code = "STRATEGY_ERROR";
  readonly strategyName: string;
  constructor(strategyName: string, message: string, options?: { cause?: unknown }) {
    super(`Strategy "${strategyName}" error: ${message}`, options);
    this.name = "StrategyError";
    this.strategyName = strategyName;
  }
}
