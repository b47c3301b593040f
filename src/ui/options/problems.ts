import { problemMessageKey, type Problem } from '../../core/policy/problems.ts';
import { formatCount } from '../components/format.ts';
import type { I18n } from '../components/i18n.ts';

/** What was wrong, in the page's language, with numbers (limits, positions) as the locale writes them. */
export function problemText({ code, values }: Pick<Problem, 'code' | 'values'>, { t, locale }: I18n): string {
  return t(problemMessageKey(code), values.map((value) => (typeof value === 'number' ? formatCount(value, locale) : value)));
}
