/** @smart-charge/ocpp-bridge: the reference OCPP bridge between OCPP-J chargers and the MQTT contract. */
export {
  bridgeConfigSchema,
  type BridgeConfig,
  type BridgeConfigInput,
  type ChargerConfig,
} from "./config/config-schema.js";
export { ConfigError, loadConfigFile, parseConfig } from "./config/load-config.js";
export { runOcppBridge, type RunningOcppBridge, type RunOcppBridgeOptions } from "./run-ocpp-bridge.js";
export { answerOcpp16 } from "./core/ocpp16-calls.js";
export { answerOcpp201 } from "./core/ocpp201-calls.js";
export { gateCommand, type GateDecision } from "./core/command-gate.js";
export { outcomeOfAnswer, outcomeOfFailure, type Outcome } from "./core/command-outcome.js";
export { TransactionIds } from "./core/transaction-ids.js";
export { readSamples, type Sample, type Reading } from "./core/meter-readings.js";
export {
  SimulatedChargePoint,
  type ChargePointOptions,
  type ProfileAnswer,
} from "./test-support/simulated-charge-point.js";
export type { ReceivedProfile } from "./test-support/received-profile.js";
