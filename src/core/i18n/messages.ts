/* The _locales message format, for code that reads messages.json itself (the CLI, tests). */

/** One entry of a messages.json. */
export interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * A message filled in the way chrome.i18n.getMessage does it: each $NAME$ becomes its
 * placeholder's content, then $1…$9 the substitutions and $$ a dollar sign.
 */
export function fillMessage(entry: LocaleMessage, substitutions: readonly string[]): string {
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}
