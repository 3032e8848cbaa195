import type { SessionEvent } from "@smart-charge/contracts";
import { answer, bootAccepted, keysFor, type CallContext, type CallOutcome } from "./call-context.js";
import type { Sample } from "./meter-readings.js";
import {
  evLimitsEvent,
  meterEventsOf,
  startedEvent,
  stoppedEvent,
  type SessionKey,
} from "./session-events.js";

interface MeterValue201 {
  timestamp: string;
  sampledValue: {
    value: number;
    measurand?: string;
    phase?: string;
    unitOfMeasure?: { unit?: string; multiplier?: number };
  }[];
}
interface TransactionEventReq {
  eventType: "Started" | "Updated" | "Ended";
  transactionInfo: { transactionId: string; stoppedReason?: string };
  evse?: { id: number };
  idToken?: unknown;
  meterValue?: MeterValue201[];
}
interface ChargingNeedsReq {
  evseId: number;
  chargingNeeds: {
    acChargingParameters?: { evMinCurrent: number; evMaxCurrent: number };
    dcChargingParameters?: { evMaxCurrent: number; evMaxVoltage: number; evMaxPower?: number };
  };
}

type KeyOf = (transactionId: string, connectorId: number) => SessionKey;

/**
 * Answers a call from an OCPP 2.0.1 charging station (params already validated against the 2.0.1 schema)
 * and says which contract events it causes. Undefined: the bridge does not implement the action. The
 * station assigns transaction ids; every idToken is accepted (authorisation is the CSMS's business).
 */
export function answerOcpp201(method: string, params: unknown, ctx: CallContext): CallOutcome | undefined {
  const key = keysFor(ctx, "2.0.1");
  switch (method) {
    case "BootNotification":
      return bootAccepted(ctx);
    case "Heartbeat":
      return answer({ currentTime: new Date(ctx.now).toISOString() });
    case "Authorize":
      return answer({ idTokenInfo: { status: "Accepted" } });
    case "TransactionEvent": {
      const req = params as TransactionEventReq;
      const response = req.idToken !== undefined ? { idTokenInfo: { status: "Accepted" } } : {};
      return answer(response, transactionEvents(req, ctx, key));
    }
    case "MeterValues": {
      const req = params as { evseId: number; meterValue: MeterValue201[] };
      const transactionId = ctx.sessions.transactionOn(ctx.charger.id, req.evseId);
      if (transactionId === undefined) return answer({});
      return answer({}, meterEvents(req.meterValue, key(transactionId, req.evseId), ctx));
    }
    case "NotifyEVChargingNeeds":
      return answer({ status: "Accepted" }, chargingNeedsEvents(params as ChargingNeedsReq, ctx, key));
    case "StatusNotification":
    case "NotifyReport":
    case "NotifyEvent":
    case "SecurityEventNotification":
    case "FirmwareStatusNotification":
    case "LogStatusNotification":
      return answer({});
    case "DataTransfer":
      return answer({ status: "UnknownVendorId" });
    default:
      return undefined;
  }
}

function transactionEvents(req: TransactionEventReq, ctx: CallContext, key: KeyOf): SessionEvent[] {
  const { id: chargerId } = ctx.charger;
  const transactionId = req.transactionInfo.transactionId;
  const known = ctx.sessions.connectorOf(chargerId, transactionId);
  const evseId = req.evse?.id ?? known;
  if (req.eventType === "Ended") {
    ctx.sessions.stop(chargerId, transactionId);
    // Only a transaction from before a bridge restart, ended without an evse, lands on the fallback.
    return [stoppedEvent(key(transactionId, evseId ?? 1), req.transactionInfo.stoppedReason)];
  }
  if (evseId === undefined || evseId === 0) return [];
  const events: SessionEvent[] = [];
  if (known === undefined) {
    ctx.sessions.start(chargerId, transactionId, evseId);
    // An Updated for an unknown transaction is one the bridge lost in a restart: the engine has it already.
    if (req.eventType === "Started") events.push(startedEvent(ctx.charger, key(transactionId, evseId)));
  }
  return [...events, ...meterEvents(req.meterValue ?? [], key(transactionId, evseId), ctx)];
}

function meterEvents(
  meterValue: readonly MeterValue201[],
  key: SessionKey,
  ctx: CallContext,
): SessionEvent[] {
  const latest = meterValue.at(-1);
  if (latest === undefined) return [];
  const samples: Sample[] = latest.sampledValue.map((s) => ({
    value: s.value,
    measurand: s.measurand,
    phase: s.phase,
    unit: s.unitOfMeasure?.unit,
    multiplier: s.unitOfMeasure?.multiplier,
  }));
  return meterEventsOf(key, samples, ctx.charger);
}

/** ISO 15118 charging needs: what the EV can take, as caps on its running session. */
function chargingNeedsEvents(req: ChargingNeedsReq, ctx: CallContext, key: KeyOf): SessionEvent[] {
  const transactionId = ctx.sessions.transactionOn(ctx.charger.id, req.evseId);
  if (transactionId === undefined) return [];
  const { acChargingParameters: ac, dcChargingParameters: dc } = req.chargingNeeds;
  const perAmpKw = (ctx.voltageV * ctx.charger.phases) / 1000;
  const limits = ac
    ? {
        maxEvAcceptancePowerKw: ac.evMaxCurrent * perAmpKw,
        ...(ac.evMinCurrent > 0 ? { minChargeRateKw: ac.evMinCurrent * perAmpKw } : {}),
      }
    : dc
      ? { maxEvAcceptancePowerKw: (dc.evMaxPower ?? dc.evMaxCurrent * dc.evMaxVoltage) / 1000 }
      : undefined;
  return limits === undefined ? [] : [evLimitsEvent(key(transactionId, req.evseId), limits)];
}
