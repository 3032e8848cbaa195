/**
 * The measured flow, the same for both engines: N running sessions (22 kW three-phase chargers, budget
 * above their sum), then, one event at a time, an `updated` event lowers one session's EV cap to 11 kW
 * (a decrease) and the next restores it to 22 kW (a raise with room in the budget, so it is not held).
 * Each sample is the time from just before the event is published to the 'message' event of the
 * SetChargingProfile for that charger at the bridge. The target charger rotates through all sessions.
 */
import { encodeMessage, MESSAGE_SCHEMAS, topics, type MessageInputOf } from "@smart-charge/contracts";
import type { BenchBridge } from "./bridge.js";
import { withTimeout } from "../src/failover/with-timeout.js";
import { nsToMs } from "./stats.js";

export const CHARGER_KW = 22;
export const LOWERED_KW = 11;
export const VOLTAGE_V = 230;
export const PANEL = "panel-bench";

export const chargerId = (i: number): string => `CP-${String(i + 1).padStart(3, "0")}`;
export const transactionId = (i: number): string => String(1001 + i);

type SessionEventInput = MessageInputOf<"sessionEvent">;

function event(site: string, i: number, fields: Partial<SessionEventInput>): { topic: string; body: string } {
  const message = {
    chargerId: chargerId(i),
    transactionId: transactionId(i),
    connectorId: 1,
    ocppVersion: "1.6",
    at: new Date().toISOString(),
    ...fields,
  } as SessionEventInput;
  return {
    topic: topics.sessionEvent(site, chargerId(i)),
    body: encodeMessage(MESSAGE_SCHEMAS.sessionEvent, message),
  };
}

export const startedEvent = (site: string, i: number) =>
  event(site, i, {
    type: "started",
    maxHardwarePowerKw: CHARGER_KW,
    maxEvAcceptancePowerKw: CHARGER_KW,
    phases: 3,
  });

export const evCapEvent = (site: string, i: number, kw: number) =>
  event(site, i, { type: "updated", maxEvAcceptancePowerKw: kw });

/** Meter values of a transaction the panel does not know: refused with an error report, changes nothing. */
export const barrierEvent = (site: string, i: number) =>
  event(site, i, { type: "meter-values", transactionId: "bench-barrier", powerKw: 0 });

/** The limit a 1.6 SetChargingProfile sets, in W over all phases. */
export function commandLimitW(payload: Buffer): number {
  const command = JSON.parse(payload.toString("utf8")) as {
    payload: {
      csChargingProfiles?: {
        chargingSchedule: {
          chargingRateUnit: string;
          chargingSchedulePeriod: { limit: number; numberPhases?: number }[];
        };
      };
    };
  };
  const schedule = command.payload.csChargingProfiles?.chargingSchedule;
  const period = schedule?.chargingSchedulePeriod[0];
  if (schedule === undefined || period === undefined) return NaN;
  return schedule.chargingRateUnit === "A"
    ? period.limit * VOLTAGE_V * (period.numberPhases ?? 3)
    : period.limit;
}

export interface Samples {
  readonly decrease: number[];
  readonly raise: number[];
  /** Commands whose limit was not the one the event asked for (should be 0). */
  wrongLimits: number;
}

export interface MeasureOptions {
  readonly samples: number;
  readonly warmup: number;
  /** Waits until the engine is idle again after a sample (command received at `before` commands seen). */
  readonly settle: (i: number, before: number) => Promise<void>;
  readonly onSample?: (kind: "decrease" | "raise", t0: bigint, at: bigint) => void;
  readonly beforeSend?: () => void;
}

/** `samples` decreases and `samples` raises, after `warmup` events of each kind, one event in flight. */
export async function measure(
  bridge: BenchBridge,
  site: string,
  n: number,
  o: MeasureOptions,
): Promise<Samples> {
  const result: Samples = { decrease: [], raise: [], wrongLimits: 0 };
  const total = 2 * (o.samples + o.warmup);
  for (let k = 0; k < total; k++) {
    const i = Math.floor(k / 2) % n;
    const kind = k % 2 === 0 ? "decrease" : "raise";
    const kw = kind === "decrease" ? LOWERED_KW : CHARGER_KW;
    const { topic, body } = evCapEvent(site, i, kw);
    const arrival = bridge.expectCommand(topics.profileCommand(site, chargerId(i)));
    const before = bridge.commandsSeen;
    o.beforeSend?.();
    const t0 = process.hrtime.bigint();
    bridge.send(topic, body);
    const { at, payload } = await withTimeout(arrival, 10_000, `the ${kind} command for ${chargerId(i)}`);
    if (Math.abs(commandLimitW(payload) - kw * 1000) > kw * 10) result.wrongLimits += 1;
    await o.settle(i, before);
    if (k < 2 * o.warmup) continue;
    result[kind].push(nsToMs(at - t0));
    o.onSample?.(kind, t0, at);
  }
  return result;
}
