import { describe, expect, it } from 'vitest';
import { RepairBudget, type Clock } from '../../../src/content/repair-budget.ts';

/** A clock the test moves by hand; `endTask` runs what the budget left for the end of the task. */
function fakeClock() {
  let now = 0;
  let pending: (() => void)[] = [];
  const clock: Clock = { now: () => now, later: (run) => void pending.push(run) };
  return {
    clock,
    advance(ms: number) {
      now += ms;
    },
    endTask() {
      const run = pending;
      pending = [];
      run.forEach((callback) => callback());
    },
  };
}

/** `repairs` repairs, one per task, `everyMs` apart, for `seconds` seconds; how many were allowed. */
function fight(budget: RepairBudget, time: ReturnType<typeof fakeClock>, everyMs: number, seconds: number): number {
  let allowed = 0;
  for (let at = 0; at < seconds * 1000; at += everyMs) {
    if (budget.spend()) allowed++;
    time.endTask();
    time.advance(everyMs);
  }
  return allowed;
}

describe('RepairBudget', () => {
  it('allows three repairs within one task, then refuses (a page undoing each at once), counting one loss', () => {
    const time = fakeClock();
    const budget = new RepairBudget(time.clock);
    expect([budget.spend(), budget.spend(), budget.spend(), budget.spend(), budget.spend()]).toEqual([true, true, true, false, false]);
    expect(budget.overpowered).toBe(false);
    time.endTask();
    expect(budget.spend()).toBe(true);
  });

  it('allows a repair after every task of a page that fights from a timer, however often: 100 a second for 10 s', () => {
    const time = fakeClock();
    const budget = new RepairBudget(time.clock);
    expect(fight(budget, time, 10, 10)).toBe(1_000);
    expect(budget.overpowered).toBe(false);
  });

  it('is overpowered by three losses within five seconds, not by three spread wider', () => {
    const time = fakeClock();
    const spread = new RepairBudget(time.clock);
    for (let i = 0; i < 3; i++) {
      spread.lost();
      time.advance(3_000);
    }
    expect(spread.overpowered).toBe(false);

    const close = new RepairBudget(time.clock);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 4; j++) close.spend();
      time.endTask();
      time.advance(100);
    }
    expect(close.overpowered).toBe(true);
  });

  it('is overpowered by a page that keeps it repairing five times a second for a minute, and a pause starts the count again', () => {
    const time = fakeClock();
    const steady = new RepairBudget(time.clock);
    fight(steady, time, 100, 59);
    expect(steady.overpowered).toBe(false);
    fight(steady, time, 100, 3);
    expect(steady.overpowered).toBe(true);

    const paused = new RepairBudget(time.clock);
    fight(paused, time, 100, 40);
    time.advance(2_000);
    fight(paused, time, 100, 40);
    expect(paused.overpowered).toBe(false);
  });

  it('is not overpowered by a few repairs a second, for as long as they come', () => {
    const time = fakeClock();
    const budget = new RepairBudget(time.clock);
    fight(budget, time, 250, 120);
    expect(budget.overpowered).toBe(false);
  });
});
