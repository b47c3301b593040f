import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { I18n } from '../../../src/ui/components/i18n.ts';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, Message>;

/** browser.i18n.getMessage over the real en messages, as far as the pages use it. */
export function t(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return key;
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return subs[Number(content.slice(1)) - 1] ?? '';
  });
}

export const i18n: I18n = { t, locale: 'en-US' };
