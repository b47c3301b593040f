import { readFileSync } from 'node:fs';
import { problemMessageKey, type Problem } from '../core/policy/problems.ts';

/*
 * The extension's English messages, so the CLI words problems exactly as the options page does in
 * English, from the one place those words live.
 */

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const MESSAGES = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, Message>;

/**
 * An English message as chrome.i18n.getMessage gives it: each $NAME$ becomes its placeholder's
 * content, then $1…$9 the substitutions and $$ a dollar sign. A missing key gives the key itself.
 */
export function englishMessage(key: string, substitutions: readonly string[]): string {
  const entry = Object.hasOwn(MESSAGES, key) ? MESSAGES[key] : undefined;
  if (!entry) return key;
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}

/** A core problem in English, numbers written the English way (100,000). */
export function englishProblem({ code, values }: Pick<Problem, 'code' | 'values'>): string {
  return englishMessage(problemMessageKey(code), values.map((value) => (typeof value === 'number' ? value.toLocaleString('en-US') : value)));
}
