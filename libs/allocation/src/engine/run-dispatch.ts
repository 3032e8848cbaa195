import type { Budget, SessionProfile } from "../types.js";
import { limitsFit, splitReduceFirst } from "./reduce-before-raise.js";

interface DispatchRound {
  profiles: readonly SessionProfile[];
  budget: Budget;
  /** Limits confirmed by the chargers (W); updated as dispatches succeed. */
  inForceW: Map<string, number>;
  send: (p: SessionProfile) => Promise<void>;
  onError: (p: SessionProfile, error: unknown) => void;
}

/**
 * Sends decreases (and new sessions) first and waits for them; raises go out only if the limits then in
 * force, counting any unconfirmed decrease at its old value, leave room for them. One failing charger
 * never stops the others. Returns the raises that had to be held back until the next round.
 */
export async function dispatchReduceFirst(round: DispatchRound): Promise<SessionProfile[]> {
  const { decreases, raises } = splitReduceFirst(round.inForceW, round.profiles);
  await sendAll(decreases, round);
  if (raises.length === 0) return [];
  const afterRaises = new Map(round.inForceW);
  for (const p of raises) afterRaises.set(String(p.transactionId), p.allocatedW);
  if (!limitsFit(afterRaises, round.profiles, round.budget)) return raises;
  await sendAll(raises, round);
  return [];
}

async function sendAll(profiles: readonly SessionProfile[], round: DispatchRound): Promise<void> {
  const results = await Promise.allSettled(profiles.map((p) => round.send(p)));
  results.forEach((r, i) => {
    const p = profiles[i];
    if (p === undefined) return;
    if (r.status === "fulfilled") round.inForceW.set(String(p.transactionId), p.allocatedW);
    else round.onError(p, r.reason);
  });
}
