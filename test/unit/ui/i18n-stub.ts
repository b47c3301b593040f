import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Translate } from '../../../src/ui/components/format.ts';
import type { I18n } from '../../../src/ui/components/i18n.ts';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const read = (locale: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../../public/_locales/${locale}/messages.json`), 'utf8')) as Record<string, Message>;

export const messages = read('en');

/** browser.i18n.getMessage over a locale's real messages, as far as the pages use it. */
export function translator(locale: string): Translate {
  const table = locale === 'en' ? messages : read(locale);
  return (key, substitutions) => {
    const entry = table[key];
    if (!entry) return key;
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return subs[Number(content.slice(1)) - 1] ?? '';
    });
  };
}

export const t = translator('en');

export const i18n: I18n = { t, locale: 'en-US' };
