/** Repairs within one task (one turn of the event loop). */
const PER_TASK = 3;
/** A page that beats the keeper this many times… */
const LOSSES = 3;
/** …within this long has overpowered it. */
const LOSS_WINDOW_MS = 5_000;
/** A second with at least this many repairs is a second of fighting… */
const FIGHT_RATE = 5;
/** …and this many such seconds in a row are a page that keeps fighting. */
const FIGHT_SECONDS = 60;

export interface Clock {
  now(): number;
  /** Runs `run` in a later task. */
  later(run: () => void): void;
}

const realClock: Clock = { now: () => performance.now(), later: (run) => setTimeout(run, 0) };

/**
 * How far the keeper fights a page, and when the page has won.
 *
 * - At most PER_TASK repairs within one task: a page whose own MutationObserver undoes each
 *   repair at once would otherwise ping-pong with the keeper forever inside one task and hang
 *   the tab. Across tasks there is no limit: a page that removes or covers the banner from a
 *   timer, however often, gets a repair after each of its tasks.
 * - The page has overpowered the keeper (`overpowered`) when it beat it LOSSES times within
 *   LOSS_WINDOW_MS (the per-task limit stopped a repair, or a repair did not hold: see `lost`),
 *   or when it kept the keeper repairing at least FIGHT_RATE times a second for FIGHT_SECONDS
 *   seconds in a row. The keeper then hands the warning to something the page cannot touch.
 */
export class RepairBudget {
  private repairsThisTask = 0;
  private taskEndScheduled = false;
  private losses: number[] = [];
  private second = -1;
  private repairsThisSecond = 0;
  private fightingSeconds = 0;
  private won = false;

  constructor(private readonly clock: Clock = realClock) {}

  /** Takes one repair; false when the page has undone too many within this task (counted as a loss). */
  spend(): boolean {
    if (!this.taskEndScheduled) {
      this.taskEndScheduled = true;
      this.clock.later(() => {
        this.taskEndScheduled = false;
        this.repairsThisTask = 0;
      });
    }
    if (this.repairsThisTask >= PER_TASK) {
      // One loss per task, however often the page asks again within it.
      if (this.repairsThisTask++ === PER_TASK) this.lost();
      return false;
    }
    this.repairsThisTask++;
    this.countFight();
    return true;
  }

  /** A repair that did not hold: the same problem was there again at the next look. */
  lost(): void {
    const now = this.clock.now();
    this.losses = this.losses.filter((at) => now - at < LOSS_WINDOW_MS);
    this.losses.push(now);
    if (this.losses.length >= LOSSES) this.won = true;
  }

  /** The page has beaten the keeper past the bound. */
  get overpowered(): boolean {
    return this.won;
  }

  private countFight(): void {
    const second = Math.floor(this.clock.now() / 1_000);
    if (second !== this.second) {
      // The seconds since the last repair: a fighting second continues the run, a gap ends it.
      const fought = this.repairsThisSecond >= FIGHT_RATE && second === this.second + 1;
      this.fightingSeconds = fought ? this.fightingSeconds + 1 : 0;
      this.second = second;
      this.repairsThisSecond = 0;
    }
    this.repairsThisSecond++;
    if (this.fightingSeconds >= FIGHT_SECONDS) this.won = true;
  }
}
