import type { SessionEvent } from "@smart-charge/contracts";
import { pick, type Random } from "./random.js";

/** A charger of the simulated site, where cars come and go. */
export interface ChargerSpot {
  readonly chargerId: string;
  readonly panel: string;
  readonly maxHardwarePowerKw: number;
  readonly phases: 1 | 3;
}

export interface TrafficOptions {
  /** Chance per tick that a free charger gets a car. */
  readonly arrivalChance: number;
  /** How long a car stays, in ms (uniform between the two). */
  readonly stayMs: readonly [number, number];
}

interface ParkedCar {
  readonly transactionId: string;
  readonly leavesAt: number;
}

/** Which chargers are occupied, and by which transaction. */
export interface TrafficState {
  readonly parked: Map<string, ParkedCar>;
  nextTransaction: number;
}

export function emptyTraffic(): TrafficState {
  return { parked: new Map(), nextTransaction: 1 };
}

/** What cars accept: a small 1-phase car, a mid-size one, a fast 3-phase one. */
const EV_ACCEPTANCE_KW = [7.4, 11, 22] as const;

/** 6 A is the lowest rate at which a car keeps charging (IEC 61851). */
export function minimumKw(phases: 1 | 3, voltageV = 230): number {
  return Math.round(6 * voltageV * phases) / 1000;
}

/**
 * One tick of the simulated car park: cars whose stay is over leave, free chargers may get a car. Pure:
 * the state is updated in place and the session events a bridge would publish are returned.
 */
export function trafficTick(
  state: TrafficState,
  spots: readonly ChargerSpot[],
  now: number,
  random: Random,
  options: TrafficOptions,
): SessionEvent[] {
  const events: SessionEvent[] = [];
  const at = new Date(now).toISOString();
  for (const spot of spots) {
    const key = { chargerId: spot.chargerId, connectorId: 1, ocppVersion: "1.6" as const, at };
    const car = state.parked.get(spot.chargerId);
    if (car !== undefined) {
      if (car.leavesAt > now) continue;
      state.parked.delete(spot.chargerId);
      events.push({ type: "stopped", ...key, transactionId: car.transactionId, reason: "EVDisconnected" });
    } else if (random() < options.arrivalChance) {
      const transactionId = `sim-${state.nextTransaction}`;
      state.nextTransaction += 1;
      const [shortest, longest] = options.stayMs;
      state.parked.set(spot.chargerId, {
        transactionId,
        leavesAt: now + shortest + Math.floor(random() * (longest - shortest)),
      });
      events.push({
        type: "started",
        ...key,
        transactionId,
        maxHardwarePowerKw: spot.maxHardwarePowerKw,
        maxEvAcceptancePowerKw: Math.min(pick(random, EV_ACCEPTANCE_KW), spot.maxHardwarePowerKw),
        minChargeRateKw: minimumKw(spot.phases),
        priority: random() < 0.2 ? 2 : 1,
      });
    }
  }
  return events;
}
