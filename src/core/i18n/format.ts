/* Dates, numbers and lists as the reader's locale writes them (Intl; no browser API). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats an ISO calendar date (YYYY-MM-DD) in the given locale, long style. The date is a
 * calendar day, not an instant, so it is formatted in UTC: it never shifts by a day with the
 * user's time zone. Anything that is not such a date is returned unchanged.
 */
export function formatIsoDate(iso: string, locale: string): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return iso;
  return longDateFormat(locale).format(date);
}

/** Formatters are costly to make (the banner would make four for one line): one per locale. */
const longDateFormats = new Map<string, Intl.DateTimeFormat>();

function longDateFormat(locale: string): Intl.DateTimeFormat {
  let format = longDateFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale || undefined, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
    }
    longDateFormats.set(locale, format);
  }
  return format;
}

/** A whole number in the locale's digits and grouping (1,234 / 1.234 / 1 234). */
export function formatCount(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale || undefined, { maximumFractionDigits: 0 }).format(value);
  } catch {
    return String(value);
  }
}

/**
 * Items joined as the locale writes a list: "a, b, and c" / "a, b und c" / "a, b et c" /
 * "a, b y c" (`type: 'unit'` for codes and names that are not a sentence: "a, b, c").
 */
export function formatList(items: readonly string[], locale: string, type: 'conjunction' | 'unit' = 'conjunction'): string {
  try {
    return new Intl.ListFormat(locale || undefined, { style: 'long', type }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** A region's name in the locale ("DE" → "Germany", "Deutschland"; "EU" → "European Union"); the code when Intl has none. */
export function regionName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale || undefined, { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
