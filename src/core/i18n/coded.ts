import type { OverLimit } from '../policy/block-rules.ts';
import type { Problem, ProblemValue } from '../policy/problems.ts';
import { formatCount } from './format.ts';
import { overLimitMessageKey, problemMessageKey } from './keys.ts';
import type { I18n } from './translate.ts';

/*
 * Core reports what went wrong as codes with values; these word them. Numbers stay numbers until
 * here, so each reader gets its own digits and grouping (100,000 / 100.000 / 100 000).
 */

/** A coded message's values as substitutions: numbers as the locale writes them, text as it is. */
export function messageValues(values: readonly ProblemValue[], locale: string): string[] {
  return values.map((value) => (typeof value === 'number' ? formatCount(value, locale) : value));
}

/** What was wrong, in the reader's language, with numbers (limits, positions) as the locale writes them. */
export function problemText({ code, values }: Pick<Problem, 'code' | 'values'>, { t, locale }: I18n): string {
  return t(problemMessageKey(code), messageValues(values, locale));
}

/** Why the blocking rules do not fit the browser, in the reader's language. */
export function overLimitText({ code, values }: OverLimit, { t, locale }: I18n): string {
  return t(overLimitMessageKey(code), messageValues(values, locale));
}
