import { readFileSync } from 'node:fs';
import { problemText } from '../core/i18n/coded.ts';
import { fillMessage, type LocaleMessage } from '../core/i18n/messages.ts';
import type { I18n } from '../core/i18n/translate.ts';
import type { Problem } from '../core/policy/problems.ts';

/*
 * The extension's English messages, so the CLI words problems exactly as the options page does in
 * English, from the one place those words live.
 */

const MESSAGES = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<
  string,
  LocaleMessage
>;

/** An English message as chrome.i18n.getMessage gives it (see fillMessage); a missing key gives the key itself. */
export function englishMessage(key: string, substitutions: readonly string[]): string {
  const entry = Object.hasOwn(MESSAGES, key) ? MESSAGES[key] : undefined;
  return entry ? fillMessage(entry, substitutions) : key;
}

/** The options page's I18n in English, numbers written the English way (100,000). */
export const ENGLISH: I18n = {
  t: (key, substitutions) =>
    englishMessage(key, substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions),
  locale: 'en-US',
};

/** A core problem in English, worded as the options page words it. */
export function englishProblem(problem: Pick<Problem, 'code' | 'values'>): string {
  return problemText(problem, ENGLISH);
}
