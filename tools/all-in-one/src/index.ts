/** @smart-charge/all-in-one: the whole product in one process, for a first look and for demos. */
export { SimulatedChargers, type SimulatedChargersOptions } from "./simulated-chargers.js";
export {
  emptyTraffic,
  minimumKw,
  trafficTick,
  type ChargerSpot,
  type TrafficOptions,
} from "./car-traffic.js";
export { seededRandom, type Random } from "./random.js";
