import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillMessage, type LocaleMessage } from '../../../src/core/i18n/messages.ts';
import type { I18n, Translate } from '../../../src/core/i18n/translate.ts';

const read = (locale: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../../public/_locales/${locale}/messages.json`), 'utf8')) as Record<
    string,
    LocaleMessage
  >;

export const messages = read('en');

/** browser.i18n.getMessage over a locale's real messages, as far as the pages use it. */
export function translator(locale: string): Translate {
  const table = locale === 'en' ? messages : read(locale);
  return (key, substitutions) => {
    const entry = table[key];
    if (!entry) return key;
    return fillMessage(entry, substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions]);
  };
}

export const t = translator('en');

export const i18n: I18n = { t, locale: 'en-US' };
