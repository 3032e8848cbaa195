import type { Logger } from "pino";
import type { BridgeConfig } from "../config/config-schema.js";
import { outcomeOfAnswer, outcomeOfFailure, type Outcome } from "../core/command-outcome.js";
import { failSafeRequest } from "../core/fail-safe.js";
import type { BridgeMetrics } from "../ops/metrics.js";
import type { ChargerLink } from "./charger-server.js";
import type { ContractPublisher } from "./contract-publisher.js";
import { isTimeout } from "./rpc.js";

interface Deps {
  config: BridgeConfig;
  publisher: ContractPublisher;
  metrics: BridgeMetrics;
  logger: Logger;
  clock: () => number;
}

/**
 * At every boot the charger gets the fail-safe TxDefaultProfile (same profile id each time, so it replaces
 * the last one). A charger that refuses it is reported: it would run at its own default, not the site's.
 */
export function failSafeInstaller(deps: Deps): (link: ChargerLink) => Promise<Outcome> {
  return async ({ charger, version, client }) => {
    let outcome: Outcome;
    try {
      const answer = await client.call("SetChargingProfile", failSafeRequest(version, charger, deps.config));
      outcome = outcomeOfAnswer("SetChargingProfile", answer);
    } catch (error) {
      outcome = outcomeOfFailure(error, isTimeout(error));
    }
    deps.metrics.failSafeInstalls.inc({ status: outcome.status });
    if (outcome.status === "Accepted") {
      deps.logger.info(
        { event: "fail-safe-installed", chargerId: charger.id, limitKw: deps.config.failSafe.limitKw },
        "fail-safe profile installed",
      );
    } else {
      deps.publisher.error(
        "fail-safe-refused",
        {
          field: "failSafe.limitKw",
          message: `${charger.id} did not install the fail-safe profile: ${outcome.status} (${outcome.reason ?? "no reason"})`,
        },
        deps.clock(),
      );
    }
    return outcome;
  };
}
