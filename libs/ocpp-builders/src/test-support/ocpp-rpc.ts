/** ocpp-rpc's OCA schema files and its own validators, loaded the way a CommonJS CSMS would load them. */
import { createRequire } from "node:module";
import type { AnySchemaObject } from "ajv";
import type { OcppVersion, ProfileAction } from "./schemas.js";

const require = createRequire(import.meta.url);
const RPC_SCHEMA_FILES: Record<OcppVersion, string> = {
  "1.6": "ocpp-rpc/lib/schemas/ocpp1_6.json",
  "2.0.1": "ocpp-rpc/lib/schemas/ocpp2_0_1.json",
  "2.1": "ocpp-rpc/lib/schemas/ocpp2_1.json",
};
const RPC_SUBPROTOCOLS: Record<OcppVersion, string> = {
  "1.6": "ocpp1.6",
  "2.0.1": "ocpp2.0.1",
  "2.1": "ocpp2.1",
};

/** ocpp-rpc names request schemas `urn:X.req` up to 2.0.1 and `urn:XRequest` in 2.1. */
export function rpcSchemaId(version: OcppVersion, action: ProfileAction): string {
  return version === "2.1" ? `urn:${action}Request` : `urn:${action}.req`;
}

export function ocppRpcSchema(version: OcppVersion, action: ProfileAction): unknown {
  const schemas = require(RPC_SCHEMA_FILES[version]) as readonly AnySchemaObject[];
  const found = schemas.find((schema) => schema.$id === rpcSchemaId(version, action));
  if (found === undefined) throw new Error(`ocpp-rpc has no ${rpcSchemaId(version, action)} for ${version}`);
  // Ajv 8.20's URI parser throws on the bare `urn:X` ids ("URN without nid"); the id only names the schema.
  const schema = { ...found };
  delete schema.$id;
  return schema;
}

interface RpcValidator {
  subprotocol: string;
  validate(schemaId: string, params: unknown): unknown;
}
const rpcValidators = require("ocpp-rpc/lib/standard-validators.js") as readonly RpcValidator[];

/**
 * ocpp-rpc's Ajv (strictSchema off) logs a strictTypes warning per enum when it first compiles a schema; those
 * are the inert keywords dropInertKeywords documents, so the first call runs with console.warn muted.
 */
const compiledByRpc = new Set<string>();
function withoutCompileWarnings<T>(key: string, run: () => T): T {
  if (compiledByRpc.has(key)) return run();
  compiledByRpc.add(key);
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return run();
  } finally {
    console.warn = warn;
  }
}

/** ocpp-rpc's verdict, as its RPCServer would give it; empty means valid. */
export function ocppRpcValidatorErrors(
  version: OcppVersion,
  action: ProfileAction,
  payload: unknown,
): string[] {
  const validator = rpcValidators.find((candidate) => candidate.subprotocol === RPC_SUBPROTOCOLS[version]);
  if (validator === undefined) throw new Error(`ocpp-rpc has no validator for ${version}`);
  const schemaId = rpcSchemaId(version, action);
  try {
    withoutCompileWarnings(`${version}|${schemaId}`, () => validator.validate(schemaId, payload));
    return [];
  } catch (error) {
    return [`ocpp-rpc validator: ${error instanceof Error ? error.message : String(error)}`];
  }
}
