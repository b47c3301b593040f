/** A plausible e-mail address: one "@", no spaces, nothing that would change the meaning of a mailto URL. */
const ADDRESS = /^[^\s@?&#/\\:;,<>"]+@[^\s@?&#/\\:;,<>"]+$/;

export function isEmailAddress(address: string): boolean {
  return ADDRESS.test(address.trim());
}

/**
 * A `mailto:` URL with the subject and body filled in, every part percent-encoded (line breaks
 * as CRLF, as RFC 6068 asks). An address that is not plausible is left out: the mail program
 * then asks for one.
 */
export function mailtoUrl(address: string, fields: { subject?: string; body?: string } = {}): string {
  const trimmed = address.trim();
  let to = '';
  if (isEmailAddress(trimmed)) {
    const at = trimmed.lastIndexOf('@');
    to = `${encodeURIComponent(trimmed.slice(0, at))}@${encodeURIComponent(trimmed.slice(at + 1))}`;
  }
  const query = Object.entries(fields)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(value.replace(/\r?\n/g, '\r\n'))}`)
    .join('&');
  return `mailto:${to}${query ? `?${query}` : ''}`;
}
