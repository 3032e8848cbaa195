import { expect, test } from "vitest";
import { Coalescer } from "./dispatch-coalescer.js";

test("overlapping calls share one follow-up run that sees the latest state", async () => {
  let state = 0;
  const runs: number[] = [];
  const releases: (() => void)[] = [];
  let announceStart: () => void = () => undefined;
  const coalescer = new Coalescer(async () => {
    const seen = state;
    announceStart();
    await new Promise<void>((resolve) => releases.push(resolve));
    runs.push(seen);
    return seen;
  });

  const first = coalescer.run();
  state = 1;
  const second = coalescer.run();
  state = 2;
  const third = coalescer.run();
  expect(second).toBe(third);

  const followUpStarted = new Promise<void>((resolve) => (announceStart = resolve));
  releases.shift()?.();
  expect(await first).toBe(0);
  await followUpStarted;
  releases.shift()?.();
  expect(await third).toBe(2);
  expect(runs).toEqual([0, 2]);
});
