import type { I18n, Translate } from './translate.ts';

/** The message key whose value is the language of the messages file in use (en, de, fr, es). */
export const MESSAGES_LOCALE_KEY = 'messages_locale';

function language(tag: string): string {
  return tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/**
 * The locale for dates, numbers and lists, and for the page's `lang`: the browser's language when
 * the text is in that language (so en-GB keeps "20 July 2024" and de-AT its own forms), else the
 * language of the messages actually shown (an Italian browser gets the English text, so English
 * dates, not Italian ones inside an English sentence).
 */
export function intlLocale(uiLanguage: string, messagesLocale: string): string {
  const messages = /^[a-z]{2,3}$/i.test(messagesLocale) ? messagesLocale.toLowerCase() : 'en';
  const ui = uiLanguage.replace(/_/g, '-');
  if (ui && language(ui) === messages) {
    try {
      return Intl.getCanonicalLocales(ui)[0] ?? messages;
    } catch {
      return messages;
    }
  }
  return messages;
}

/** The I18n of an extension page: `t` from _locales and the locale from `intlLocale`. */
export function pageI18n(t: Translate, uiLanguage: string): I18n {
  return { t, locale: intlLocale(uiLanguage, t(MESSAGES_LOCALE_KEY)) };
}
