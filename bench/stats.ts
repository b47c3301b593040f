/**
 * Summaries of timing samples, shared by the Node sections (url.ts) and the Chromium ones
 * (pages.ts, worker.ts): kept apart from url.ts so the browser sections do not load the URL
 * classifier and uBO just to take a median.
 */

/** Median of a list of numbers. */
export const median = (values: readonly number[]) => quantile(values, 0.5);

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = (sorted.length - 1) * q;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low);
}

export interface Distribution {
  samples: number;
  median: number;
  p95: number;
}

export const distribution = (values: number[]): Distribution => ({
  samples: values.length,
  median: median(values),
  p95: quantile(values, 0.95),
});
