/** Looks up a localized string; returns the key itself when it is missing (as `t` does). */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** What a component needs to produce text: a translator and the locale for Intl formatting. */
export interface I18n {
  t: Translate;
  locale: string;
}

/** A message, or null when the locale has no such key. */
export function optionalMessage(translate: Translate, key: string, substitutions?: string | string[]): string | null {
  const text = translate(key, substitutions);
  return text && text !== key ? text : null;
}
