/** Numbers, ages and allocation reasons in the words an operator reads on the tree. */
import type { SessionAllocation, Strategy } from "@smart-charge/contracts";

export function kw(value: number): string {
  return `${value.toFixed(1)} kW`;
}

export function age(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.floor(s / 60)} min`;
  if (s < 2 * 86_400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} days`;
}

/** `2025-03-14 09:30:05 UTC`: UTC, so that every operator of a site reads the same time. */
export function clockTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export const STRATEGY_WORDS: Record<Strategy, string> = {
  EQUAL_SHARE: "equal share",
  PRIORITY: "priority",
  TIME_OF_USE: "time of use",
};

/** What bound a session's allocation, as a sentence fragment. */
export function reasonWords(session: SessionAllocation): string {
  switch (session.reason) {
    case "budget":
      return "sharing the panel budget";
    case "phase":
      return session.limitingPhase === undefined
        ? "a phase conductor is full"
        : `phase ${session.limitingPhase} is full`;
    case "hardware-cap":
      return "at the charger's maximum";
    case "ev-cap":
      return "at what the car accepts";
    case "minimum":
      return "held at its minimum";
    case "paused":
      return `paused: not enough power for its ${kw(session.minChargeRateKw)} minimum`;
    case "strategy":
      return "held back by the strategy";
  }
}
