/**
 * ocpp-rpc is CommonJS; its error classes are reachable only through the module object, and its client
 * options type marks every option as required although the library defaults them.
 */
import ocppRpc, { RPCClient, RPCServer, createRPCError, type IHandlersOption } from "ocpp-rpc";
import type { OcppVersion } from "@smart-charge/contracts";

export { RPCClient, RPCServer, type IHandlersOption };

/** An OCPP-J CALLERROR to throw from a handler (ocpp-rpc types it as a plain record; it is an Error). */
export function rpcError(code: "NotImplemented" | "NotSupported" | "InternalError", message: string): Error {
  return createRPCError(code, message) as unknown as Error;
}
export type RpcClientOptions = ConstructorParameters<typeof RPCClient>[0];
export type RpcClient = InstanceType<typeof RPCClient>;

export function isTimeout(error: unknown): boolean {
  return error instanceof ocppRpc.TimeoutError;
}

/** The versions this bridge speaks, as websocket subprotocols, most recent first. */
export const SUBPROTOCOLS: Record<"ocpp2.0.1" | "ocpp1.6", Exclude<OcppVersion, "2.1">> = {
  "ocpp2.0.1": "2.0.1",
  "ocpp1.6": "1.6",
};

export function versionOf(protocol: string | undefined): Exclude<OcppVersion, "2.1"> | undefined {
  return protocol === "ocpp1.6" || protocol === "ocpp2.0.1" ? SUBPROTOCOLS[protocol] : undefined;
}
