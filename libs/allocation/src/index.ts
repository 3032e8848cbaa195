export type * from "./types.js";
export { PHASES } from "./types.js";
