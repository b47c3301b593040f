import { describe, expect, it } from 'vitest';
import { isEmailAddress, mailtoUrl } from '../../../src/ui/components/mailto.ts';

describe('mailtoUrl', () => {
  it('encodes subject and body, with CRLF line breaks', () => {
    expect(mailtoUrl('it@example.com', { subject: 'a & b', body: 'line 1\nhttps://x.example/?a=1&b=2#c' })).toBe(
      'mailto:it@example.com?subject=a%20%26%20b&body=line%201%0D%0Ahttps%3A%2F%2Fx.example%2F%3Fa%3D1%26b%3D2%23c',
    );
  });

  it('leaves out an address that could change the URL, and empty fields', () => {
    expect(mailtoUrl('it@example.com?cc=evil@example.com', { subject: 's' })).toBe('mailto:?subject=s');
    expect(mailtoUrl('', { subject: '', body: 'b' })).toBe('mailto:?body=b');
    expect(mailtoUrl(' it@example.com ')).toBe('mailto:it@example.com');
  });

  it('recognises plausible addresses only', () => {
    expect(isEmailAddress('first.last+tag@example.co.uk')).toBe(true);
    expect(isEmailAddress('two@at@example.com')).toBe(false);
    expect(isEmailAddress('no spaces@example.com')).toBe(false);
    expect(isEmailAddress('javascript:alert(1)//@x')).toBe(false);
  });
});
