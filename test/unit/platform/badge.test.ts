import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: { method: string; details: object }[] = [];
const record = (method: string) => async (details: object) => void calls.push({ method, details });

vi.mock('webextension-polyfill', () => ({
  default: {
    action: {
      setBadgeText: record('text'),
      setBadgeBackgroundColor: record('color'),
      setTitle: record('title'),
    },
  },
}));

const { BADGES, setTabBadge } = await import('../../../src/platform/badge.ts');

/** WCAG 2 contrast of white on a #rrggbb colour. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

describe('the toolbar badge', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('marks a warning with "!" and a notice with a calmer "i" in another colour, each with its title', async () => {
    await setTabBadge(3, 'warning', 'This page sells Kaspersky software.');
    expect(calls).toEqual([
      { method: 'text', details: { tabId: 3, text: '!' } },
      { method: 'color', details: { tabId: 3, color: BADGES.warning.color } },
      { method: 'title', details: { tabId: 3, title: 'This page sells Kaspersky software.' } },
    ]);
    calls.length = 0;
    await setTabBadge(4, 'notice', 'Hikvision: restricted for US government buyers');
    expect(calls).toContainEqual({ method: 'text', details: { tabId: 4, text: 'i' } });
    expect(calls).toContainEqual({ method: 'color', details: { tabId: 4, color: BADGES.notice.color } });
    expect(BADGES.notice.color).not.toBe(BADGES.warning.color);
    for (const badge of Object.values(BADGES)) expect(contrastWithWhite(badge.color)).toBeGreaterThanOrEqual(4.5);
  });

  it('clears the mark (no colour change) when there is nothing to mark', async () => {
    await setTabBadge(5, null, 'Vendor Guard');
    expect(calls).toEqual([
      { method: 'text', details: { tabId: 5, text: '' } },
      { method: 'title', details: { tabId: 5, title: 'Vendor Guard' } },
    ]);
  });
});
