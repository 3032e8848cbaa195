/**
 * Validators for builder output, from schemas no one on the team wrote:
 * 1. typed-ocpp's OCA schemas, compiled with our own Ajv: strict, allErrors and no removeAdditional
 *    (typed-ocpp's own validateCall uses removeAdditional, so it deletes an unknown field and says "valid");
 * 2. ocpp-rpc's OCA schema files, compiled with the same strict Ajv;
 * 3. ocpp-rpc's own validators, exactly as a CSMS built on ocpp-rpc would run them.
 * All three cover 1.6, 2.0.1 and 2.1.
 */
import type { AnySchemaObject, ValidateFunction } from "ajv";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { OCPP16, OCPP20, OCPP21 } from "typed-ocpp";
import { ocppRpcValidatorErrors, ocppRpcSchema } from "./ocpp-rpc.js";

export type OcppVersion = "1.6" | "2.0.1" | "2.1";
export const OCPP_VERSIONS: readonly OcppVersion[] = ["1.6", "2.0.1", "2.1"];
export type ProfileAction = "SetChargingProfile" | "ClearChargingProfile";

/** OCA annotations in ocpp-rpc's 2.1 files; strict mode rejects unknown keywords, so they are declared as no-ops. */
export const VENDOR_KEYWORDS = ["comment", "javaType"] as const;

/**
 * Digits of tolerance for `multipleOf`: 19.3 / 0.1 is 193.00000000000003 in floating point, which plain Ajv
 * rejects; 1e-9 still rejects anything that really has a second decimal (19.33 / 0.1 is off by 0.3).
 */
export const MULTIPLE_OF_PRECISION = 9;

export function createStrictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, multipleOfPrecision: MULTIPLE_OF_PRECISION });
  addFormats.default(ajv);
  for (const keyword of VENDOR_KEYWORDS) ajv.addKeyword({ keyword, schemaType: "string" });
  return ajv;
}

/**
 * Removes the two constructs in the OCA schemas that JSON Schema defines as no-ops but Ajv strict mode refuses:
 * `additionalProperties` on a schema whose type is not object (every enum in typed-ocpp has one) and
 * `additionalItems` next to a single-schema `items` (every array in the 2.x files). Dropping a no-op keeps the
 * schema's meaning; the alternative, turning strictTypes/strictSchema off, would hide real mistakes.
 */
export function dropInertKeywords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map((item: unknown) => dropInertKeywords(item));
  if (typeof node !== "object" || node === null) return node;
  const schema = node as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "additionalProperties" && typeof schema["type"] === "string" && schema["type"] !== "object")
      continue;
    if (key === "additionalItems" && !Array.isArray(schema["items"])) continue;
    result[key] = dropInertKeywords(value);
  }
  return result;
}

const TYPED_OCPP_SCHEMAS: Record<OcppVersion, Record<ProfileAction, unknown>> = {
  "1.6": {
    SetChargingProfile: OCPP16.schemas.SetChargingProfileRequest,
    ClearChargingProfile: OCPP16.schemas.ClearChargingProfileRequest,
  },
  "2.0.1": {
    SetChargingProfile: OCPP20.schemas.SetChargingProfileRequest,
    ClearChargingProfile: OCPP20.schemas.ClearChargingProfileRequest,
  },
  "2.1": {
    SetChargingProfile: OCPP21.schemas.SetChargingProfileRequest,
    ClearChargingProfile: OCPP21.schemas.ClearChargingProfileRequest,
  },
};

const compiled = new Map<string, ValidateFunction>();
function strictValidator(
  source: "typed-ocpp" | "ocpp-rpc",
  version: OcppVersion,
  action: ProfileAction,
): ValidateFunction {
  const key = `${source}|${version}|${action}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    const raw =
      source === "typed-ocpp" ? TYPED_OCPP_SCHEMAS[version][action] : ocppRpcSchema(version, action);
    validate = createStrictAjv().compile(dropInertKeywords(raw) as AnySchemaObject);
    compiled.set(key, validate);
  }
  return validate;
}

function strictErrors(
  source: "typed-ocpp" | "ocpp-rpc",
  version: OcppVersion,
  action: ProfileAction,
  payload: unknown,
): string[] {
  const validate = strictValidator(source, version, action);
  if (validate(payload)) return [];
  return (validate.errors ?? []).map(
    (error) => `${source} schema: ${error.instancePath || "/"} ${error.message ?? error.keyword}`,
  );
}

/** Every complaint any of the three validators has about a payload; empty means all three accept it. */
export function schemaErrors(version: OcppVersion, action: ProfileAction, payload: unknown): string[] {
  // Validators never mutate here (no removeAdditional), but a deep copy makes that a guarantee.
  const copy: unknown = structuredClone(payload);
  return [
    ...strictErrors("typed-ocpp", version, action, copy),
    ...strictErrors("ocpp-rpc", version, action, copy),
    ...ocppRpcValidatorErrors(version, action, copy),
  ];
}
