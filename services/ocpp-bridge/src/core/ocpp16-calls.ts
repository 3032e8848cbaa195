import type { SessionEvent } from "@smart-charge/contracts";
import { answer, bootAccepted, keysFor, type CallContext, type CallOutcome } from "./call-context.js";
import type { Sample } from "./meter-readings.js";
import { meterEventsOf, startedEvent, stoppedEvent, type SessionKey } from "./session-events.js";

interface StartTransactionReq {
  connectorId: number;
  idTag: string;
}
interface StopTransactionReq {
  transactionId: number;
  idTag?: string;
  reason?: string;
}
interface SampledValue16 {
  value: string;
  measurand?: string;
  phase?: string;
  unit?: string;
}
interface MeterValuesReq16 {
  connectorId: number;
  transactionId?: number;
  meterValue: { timestamp: string; sampledValue: SampledValue16[] }[];
}

const ACCEPTED = { idTagInfo: { status: "Accepted" } };

/**
 * Answers a call from an OCPP 1.6 charger (params already validated against the 1.6 schema) and says which
 * contract events it causes. Undefined: the bridge does not implement the action. Authorisation is left to
 * the charger's own CSMS: every idTag is accepted.
 */
export function answerOcpp16(method: string, params: unknown, ctx: CallContext): CallOutcome | undefined {
  const key = keysFor(ctx, "1.6");
  switch (method) {
    case "BootNotification":
      return bootAccepted(ctx);
    case "Heartbeat":
      return answer({ currentTime: new Date(ctx.now).toISOString() });
    case "Authorize":
      return answer(ACCEPTED);
    case "StartTransaction": {
      const req = params as StartTransactionReq;
      const transactionId = ctx.nextTransactionId();
      ctx.sessions.start(ctx.charger.id, String(transactionId), req.connectorId);
      return answer({ ...ACCEPTED, transactionId }, [
        startedEvent(ctx.charger, key(String(transactionId), req.connectorId)),
      ]);
    }
    case "StopTransaction": {
      const req = params as StopTransactionReq;
      const transactionId = String(req.transactionId);
      // A transaction from before a bridge restart has no known connector; the engine keys on the id.
      const connectorId = ctx.sessions.stop(ctx.charger.id, transactionId) ?? 1;
      return answer(req.idTag !== undefined ? ACCEPTED : {}, [
        stoppedEvent(key(transactionId, connectorId), req.reason),
      ]);
    }
    case "MeterValues":
      return answer({}, meterEvents(params as MeterValuesReq16, ctx, key));
    case "StatusNotification":
    case "DiagnosticsStatusNotification":
    case "FirmwareStatusNotification":
      return answer({});
    case "DataTransfer":
      return answer({ status: "UnknownVendorId" });
    default:
      return undefined;
  }
}

function meterEvents(
  req: MeterValuesReq16,
  ctx: CallContext,
  key: (transactionId: string, connectorId: number) => SessionKey,
): SessionEvent[] {
  const transactionId =
    req.transactionId !== undefined
      ? String(req.transactionId)
      : ctx.sessions.transactionOn(ctx.charger.id, req.connectorId);
  const latest = req.meterValue.at(-1);
  if (transactionId === undefined || latest === undefined) return [];
  // Connector 0 is the charger's main meter; its reading belongs to the transaction's own connector.
  const connectorId =
    req.connectorId > 0 ? req.connectorId : ctx.sessions.connectorOf(ctx.charger.id, transactionId);
  if (connectorId === undefined) return [];
  const samples: Sample[] = latest.sampledValue.map((s) => ({
    value: Number(s.value),
    measurand: s.measurand,
    phase: s.phase,
    unit: s.unit,
  }));
  return meterEventsOf(key(transactionId, connectorId), samples, ctx.charger);
}
