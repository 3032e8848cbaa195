/** Rules that span several fields; JSON Schema cannot say them, so field descriptions repeat them. */
import type { Phase } from "./primitives.js";

export const expiryRule = {
  check: (m: { issuedAt: string; expiresAt?: string | undefined }): boolean =>
    m.expiresAt === undefined || Date.parse(m.expiresAt) > Date.parse(m.issuedAt),
  params: { path: ["expiresAt"], message: "must be later than issuedAt" },
};

/** A connector wired to two conductors cannot draw three phases, and a conductor cannot count twice. */
export const panelPhasesRule = {
  check: (s: {
    phases?: number | null | undefined;
    panelPhases?: readonly Phase[] | null | undefined;
  }): boolean => {
    if (s.panelPhases === undefined || s.panelPhases === null) return true;
    if (new Set(s.panelPhases).size !== s.panelPhases.length) return false;
    return s.phases === undefined || s.phases === null || s.phases === s.panelPhases.length;
  },
  params: { path: ["panelPhases"], message: "must list distinct conductors, as many as `phases`" },
};
