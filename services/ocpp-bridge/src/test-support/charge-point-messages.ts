export type ChargePointVersion = "1.6" | "2.0.1";
type Call = [action: string, params: Record<string, unknown>];

const now = () => new Date().toISOString();

/** The calls a charge point makes, in the shape each OCPP version's schema requires. */
export function chargePointMessages(version: ChargePointVersion) {
  return version === "1.6" ? ocpp16 : ocpp201;
}

const ocpp16 = {
  boot: () => ({ chargePointVendor: "SCE", chargePointModel: "Simulated" }),
  start: (_proposedId: string, connectorId: number): Call => [
    "StartTransaction",
    { connectorId, idTag: "TAG-1", meterStart: 0, timestamp: now() },
  ],
  stop: (transactionId: string, _connectorId: number): Call => [
    "StopTransaction",
    { transactionId: Number(transactionId), meterStop: 1000, timestamp: now(), reason: "Local" },
  ],
  meter: (transactionId: string, powerW: number, connectorId: number): Call => [
    "MeterValues",
    {
      connectorId,
      transactionId: Number(transactionId),
      meterValue: [
        {
          timestamp: now(),
          sampledValue: [{ value: String(powerW), measurand: "Power.Active.Import", unit: "W" }],
        },
      ],
    },
  ],
};

let seqNo = 0;
const transactionEvent = (
  eventType: "Started" | "Updated" | "Ended",
  triggerReason: string,
  transactionInfo: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Call => [
  "TransactionEvent",
  { eventType, timestamp: now(), triggerReason, seqNo: seqNo++, transactionInfo, ...extra },
];

const ocpp201 = {
  boot: () => ({ chargingStation: { model: "Simulated", vendorName: "SCE" }, reason: "PowerUp" }),
  start: (transactionId: string, evseId: number): Call =>
    transactionEvent(
      "Started",
      "Authorized",
      { transactionId, chargingState: "Charging" },
      {
        evse: { id: evseId, connectorId: 1 },
        idToken: { idToken: "TAG-1", type: "ISO14443" },
      },
    ),
  stop: (transactionId: string, _evseId: number): Call =>
    transactionEvent("Ended", "StopAuthorized", { transactionId, stoppedReason: "Local" }),
  meter: (transactionId: string, powerW: number, _evseId: number): Call =>
    transactionEvent(
      "Updated",
      "MeterValuePeriodic",
      { transactionId },
      {
        meterValue: [
          {
            timestamp: now(),
            sampledValue: [{ value: powerW, measurand: "Power.Active.Import", unitOfMeasure: { unit: "W" } }],
          },
        ],
      },
    ),
};
