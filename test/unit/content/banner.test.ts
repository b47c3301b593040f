// @vitest-environment happy-dom
/**
 * What the in-page banner says and how it looks at each level, rendered from the view the
 * background sends (the real drawing, the closed shadow root reached through attachShadow). Its
 * hardening (the keeper, trusted input) is tested in a real browser: test/e2e/banner.test.ts and
 * robust-hostile.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WarningLevel } from '../../../src/core/vendors/standing.ts';
import { getVendor } from '../../../src/core/vendors/index.ts';
import { vendorViewOf } from '../../../src/core/vendors/view.ts';
import type { Reader } from '../../../src/core/reader.ts';
import type { WarningView } from '../../../src/platform/messages.ts';
import { captureShadowRoots, englishExtensionApi } from './in-page.ts';

vi.mock('webextension-polyfill', () => englishExtensionApi());

const { Banner } = await import('../../../src/content/banner.ts');

const roots = captureShadowRoots();

const banners: InstanceType<typeof Banner>[] = [];
afterEach(() => {
  banners.splice(0).forEach((banner) => banner.hide());
  roots.length = 0;
});

const US: Reader = { regions: ['US'], role: 'personal' };

function show(vendorId: string, level: WarningLevel, reader: Reader = US, kind: 'purchase' | 'download' = 'purchase') {
  const view: WarningView = {
    decision: {
      verdict: { vendor: vendorId, kind, reasons: [], rule: null },
      banner: true,
      block: false,
      badge: true,
      silencedBy: null,
      level,
    },
    vendor: structuredClone(vendorViewOf(getVendor(vendorId)!, reader)),
    markTiles: false,
  };
  const banner = new Banner(
    () => undefined,
    () => undefined,
  );
  banners.push(banner);
  banner.show(view);
  const section = roots.at(-1)?.querySelector('section');
  if (!section) throw new Error('no banner section');
  return {
    section,
    headline: section.querySelector('.headline')?.textContent ?? '',
    line: section.querySelector('.line')?.textContent ?? '',
    why: section.querySelector('#vg-why')?.textContent ?? '',
    sources: [...section.querySelectorAll('#vg-why a')].map((a) => a.getAttribute('href')),
    icon: section.querySelector('svg path')?.getAttribute('d') ?? '',
  };
}

describe('the banner at each level', () => {
  it('a notice (Hikvision, private US reader): calm headline, what the restriction is and is not, marked as a notice', () => {
    const notice = show('hikvision', 'notice');
    expect(notice.section.getAttribute('data-level')).toBe('notice');
    expect(notice.section.getAttribute('role')).toBe('region');
    expect(notice.section.getAttribute('aria-label')).toBe('Vendor Guard notice');
    expect(notice.headline).toBe('Hikvision: restricted for US government buyers');
    expect(notice.line).toMatch(/^US federal agencies may not buy/);
    expect(notice.line).toContain('Private buyers are not restricted.');
    expect(notice.line).toMatch(/It is not a ban on private buyers: models already authorized remain legal to sell, buy and use\.$/);
    // Its sources are the records it quotes; no word about updates (that is Kaspersky's sales ban).
    expect(notice.sources).toEqual([
      'https://www.govinfo.gov/app/details/PLAW-115publ232',
      'https://docs.fcc.gov/public/attachments/FCC-22-84A1.pdf',
    ]);
    expect(notice.why).not.toContain('updates');
  });

  it('the same maker at the warning level (a federal contractor): the warning look and words, §889 first', () => {
    const warning = show('hikvision', 'warning', { regions: ['US'], role: 'federal_contractor' });
    expect(warning.section.getAttribute('data-level')).toBe('warning');
    expect(warning.section.getAttribute('aria-label')).toBe('Vendor Guard warning');
    expect(warning.headline).toBe('This page sells Hikvision products.');
    expect(warning.line).toMatch(/^US federal agencies may not buy/);
    expect(warning.icon).not.toBe(show('dji', 'notice').icon);
  });

  it('DJI: a notice about FCC authorizations', () => {
    const notice = show('dji', 'notice', US, 'download');
    expect(notice.headline).toBe('DJI: no FCC authorization for new models');
    expect(notice.line).toContain('It is not a ban on private buyers');
  });

  it('Kaspersky keeps its warning: the sales ban, and what it means for those who have the software', () => {
    const warning = show('kaspersky', 'warning');
    expect(warning.headline).toBe('This page sells Kaspersky software.');
    expect(warning.line).toContain('prohibited sales to US persons since 20 July 2024');
    expect(warning.why).toContain(
      'Already use it? Keeping it is not illegal, but US persons have received no updates for it since 29 September 2024.',
    );
    expect(warning.sources).toEqual([getVendor('kaspersky')!.restrictions.find((r) => r.id === 'bis_final_determination')!.sourceUrl]);
  });
});
