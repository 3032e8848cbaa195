import { enginePanels, safeDefaultBudgetKw, type SiteConfig } from "@smart-charge/site-config";

export const BRIDGE_OCPP_PORT = 9000;
export const BRIDGE_HTTP_PORT = 8081;

/** The reference bridge's file for every charger of the site (the fields of services/ocpp-bridge's schema). */
export interface BridgeConfigFile {
  site: string;
  bridgeId: string;
  ocpp: { port: number };
  chargers: {
    id: string;
    phases?: 1 | 2 | 3;
    panelPhases?: ("L1" | "L2" | "L3")[];
    maxHardwarePowerKw?: number;
  }[];
  failSafe: { limitKw: number };
  voltageV: number;
  mqtt: { url: string; protocolVersion: 4 | 5 };
  http: { port: number };
}

/**
 * The limit a charger falls back to on its own (the profile the bridge installs at boot): the smallest
 * share of a panel's safe default budget among its chargers, so that all chargers of any panel running at
 * their fail-safe limit together stay within what that panel's engine would allow without a budget.
 */
export function failSafeLimitKw(site: SiteConfig): number {
  const shares = enginePanels(site).map((panel) => safeDefaultBudgetKw(site, panel) / panel.chargers.length);
  return Math.floor(Math.min(...shares) * 1000) / 1000;
}

export function bridgeConfig(site: SiteConfig): BridgeConfigFile {
  const chargers = enginePanels(site).flatMap((panel) =>
    panel.chargers.map(({ id, phases, panelPhases, maxHardwarePowerKw }) => ({
      id,
      ...(phases !== undefined ? { phases } : {}),
      ...(panelPhases !== undefined ? { panelPhases } : {}),
      ...(maxHardwarePowerKw !== undefined ? { maxHardwarePowerKw } : {}),
    })),
  );
  return {
    site: site.site,
    bridgeId: "ocpp-bridge",
    ocpp: { port: BRIDGE_OCPP_PORT },
    chargers,
    failSafe: { limitKw: failSafeLimitKw(site) },
    voltageV: site.voltageV,
    mqtt: { url: site.mqtt.url, protocolVersion: site.mqtt.protocolVersion },
    http: { port: BRIDGE_HTTP_PORT },
  };
}
