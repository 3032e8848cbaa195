import type { OperatorCommandSpec } from "./operator-command-spec.js";
import { setGridLimit } from "./set-grid-limit.js";
import { setPanelCap } from "./set-panel-cap.js";
import { setSafetyMargin } from "./set-safety-margin.js";
import { setStrategy } from "./set-strategy.js";

export const OPERATOR_COMMANDS: readonly OperatorCommandSpec[] = [
  setGridLimit,
  setSafetyMargin,
  setPanelCap,
  setStrategy,
];
