/** Repairs within one task (one turn of the event loop). */
const PER_TASK = 3;
/** Repairs allowed in a burst, then one per REFILL_MS. */
const BURST = 50;
const REFILL_MS = 100;

/**
 * How often the keeper may repair the banner: at most a few within one task (a page whose own
 * MutationObserver undoes each repair would otherwise ping-pong with it forever and hang the tab),
 * and at most ten a second on average after a burst.
 */
export class RepairBudget {
  private tokens = BURST;
  private refilledAt = 0;
  private repairsThisTask = 0;
  private taskEndScheduled = false;

  /** A full budget, from now. */
  reset(): void {
    this.tokens = BURST;
    this.refilledAt = performance.now();
  }

  /** Takes one repair from the budget; false when the page has used it up for now. */
  spend(): boolean {
    if (!this.taskEndScheduled) {
      this.taskEndScheduled = true;
      setTimeout(() => {
        this.taskEndScheduled = false;
        this.repairsThisTask = 0;
      }, 0);
    }
    if (this.repairsThisTask >= PER_TASK) return false;
    const now = performance.now();
    const refill = Math.floor((now - this.refilledAt) / REFILL_MS);
    if (refill > 0) {
      this.tokens = Math.min(BURST, this.tokens + refill);
      this.refilledAt += refill * REFILL_MS;
    }
    if (this.tokens <= 0) return false;
    this.tokens--;
    this.repairsThisTask++;
    return true;
  }
}
