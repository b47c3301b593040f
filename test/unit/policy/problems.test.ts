import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { englishMessage, englishProblem } from '../../../src/cli/english.ts';
import { problemText } from '../../../src/core/i18n/coded.ts';
import { fallbackMessageKey, problemMessageKey } from '../../../src/core/i18n/keys.ts';
import { FALLBACK_CODES, PROBLEM_CODES, PROBLEM_VALUES, isProblem, issueCode, type Problem } from '../../../src/core/policy/problems.ts';
import { i18n as english } from '../ui/i18n-stub.ts';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const LOCALES = ['en', 'de', 'fr', 'es'];
const read = (locale: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales', locale, 'messages.json'), 'utf8')) as Record<
    string,
    Message
  >;

/** A problem with every value filled in: numbers where a limit or position goes, text elsewhere. */
const sample = (code: Problem['code']): Problem => ({
  path: 'key',
  code,
  values: PROBLEM_VALUES[code].map((name, i) => (['max', 'line', 'column', 'size'].includes(name) ? 12_345 + i : `<${name}>`)),
});

describe('problem codes', () => {
  it.each(LOCALES)('each has a message in %s, taking its values by name, in order', (locale) => {
    const messages = read(locale);
    for (const code of PROBLEM_CODES) {
      const entry = messages[problemMessageKey(code)];
      expect(entry?.message.trim(), `${locale}: ${code}`).toBeTruthy();
      const names = PROBLEM_VALUES[code];
      expect(
        Object.entries(entry?.placeholders ?? {}).map(([name, p]) => [name, p.content]),
        `${locale}: ${code}`,
      ).toEqual(names.map((name, i) => [name, `$${i + 1}`]));
      for (const name of names) expect(entry?.message, `${locale}: ${code}`).toContain(`$${name.toUpperCase()}$`);
    }
    for (const code of FALLBACK_CODES)
      expect(messages[fallbackMessageKey(code)]?.message.trim(), `${locale}: fallback ${code}`).toBeTruthy();
  });

  it('read the same in the CLI as in the options page in English, numbers included', () => {
    for (const code of PROBLEM_CODES) {
      const text = englishProblem(sample(code));
      expect(text, code).toBe(problemText(sample(code), english));
      expect(text, code).not.toMatch(/\$/);
    }
    expect(englishProblem({ code: 'too_many', values: [100_000] })).toBe('has more than 100,000 entries');
  });

  it('substitute in the CLI as chrome.i18n does: $NAME$, then $1…$9 and $$', () => {
    expect(englishMessage('policy_problem_wrong_type', ['string', '$2'])).toBe('has the wrong type: expected string, found $2');
    expect(englishMessage('no_such_key', [])).toBe('no_such_key');
  });

  it('map any check the schemas did not foresee to "invalid", never to valibot\'s English', () => {
    const result = v.safeParse(v.pipe(v.string(), v.minLength(3)), 'ab');
    expect(result.success).toBe(false);
    expect(result.issues?.map(issueCode)).toEqual([{ code: 'invalid', values: [] }]);
  });
});

describe('isProblem (problems read back from storage)', () => {
  it('accepts the current shape', () => {
    for (const code of PROBLEM_CODES) expect(isProblem(sample(code)), code).toBe(true);
  });

  it.each([
    [
      'the shape before codes',
      { path: 'mode', message: 'must be "off", "warn" or "block"', fallback: 'the default or your own setting for this key' },
    ],
    ['an unknown code', { path: 'mode', code: 'too_loud', values: [] }],
    ['a code inherited from Object', { path: 'mode', code: 'toString', values: [] }],
    ['too few values', { path: 'message', code: 'too_long', values: [] }],
    ['a value that is not text or a number', { path: 'message', code: 'too_long', values: [{}] }],
    ['no path', { code: 'empty', values: [] }],
    ['null', null],
  ])('rejects %s', (_label, value) => {
    expect(isProblem(value)).toBe(false);
  });
});
