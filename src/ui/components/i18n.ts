import type { Translate } from './format.ts';

/** What a component needs to produce text: a translator and the locale for Intl formatting. */
export interface I18n {
  t: Translate;
  locale: string;
}
