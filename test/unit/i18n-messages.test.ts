import { describe, expect, it } from 'vitest';
import { fillMessage } from '../../src/core/i18n/messages.ts';

describe('fillMessage, as chrome.i18n.getMessage fills a message', () => {
  const entry = {
    message: 'Sales to $WHO$ since $DATE$; $1 stays, $$ is a dollar, $UNKNOWN$ is empty.',
    placeholders: { who: { content: 'US persons' }, date: { content: '$2' } },
  };

  it('puts placeholder contents in, then the numbered substitutions', () => {
    expect(fillMessage(entry, ['first', '20 July 2024'])).toBe(
      'Sales to US persons since 20 July 2024; first stays, $ is a dollar,  is empty.',
    );
  });

  it('leaves missing substitutions empty', () => {
    expect(fillMessage({ message: 'a $1 b $2' }, ['x'])).toBe('a x b ');
  });
});
