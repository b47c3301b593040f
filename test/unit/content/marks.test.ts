// @vitest-environment happy-dom
/**
 * The tile marks at each level, placed by the real TileMarker from the background's answer (the
 * closed shadow roots reached through attachShadow). Which tiles get marks is the background's
 * (test/unit/background/tile-marks.test.ts); how they look on real pages, test/e2e/marks.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { getVendor } from '../../../src/core/vendors/index.ts';
import { vendorViewOf } from '../../../src/core/vendors/view.ts';
import type { TileMarksView } from '../../../src/platform/messages.ts';
import { captureShadowRoots, englishExtensionApi } from './in-page.ts';

vi.mock('webextension-polyfill', () => englishExtensionApi());

const { TileMarker } = await import('../../../src/content/marks.ts');

const roots = captureShadowRoots();

describe('tile marks', () => {
  it('a notice mark is calm and short, says what the restriction is and is not; the warning mark stays "Restricted vendor"', async () => {
    document.body.innerHTML =
      '<a href="https://shop.example/kaspersky">Kaspersky Premium</a><a href="https://shop.example/hik">Hikvision camera</a>';
    const reader = { regions: ['US'], role: 'personal' as const };
    const answer: TileMarksView = {
      marks: [
        { index: 0, vendor: 0 },
        { index: 1, vendor: 1 },
      ],
      vendors: [vendorViewOf(getVendor('kaspersky')!, reader), vendorViewOf(getVendor('hikvision')!, reader)],
      levels: ['warning', 'notice'],
    };
    const marker = new TileMarker(async () => structuredClone(answer));
    marker.start();
    await vi.waitFor(() => expect(roots).toHaveLength(2));
    const [warning, notice] = roots.map((root) => root.querySelector<HTMLElement>('.mark')!);
    expect(warning!.dataset['level']).toBe('warning');
    expect(warning!.textContent).toBe('Restricted vendor');
    expect(notice!.dataset['level']).toBe('notice');
    expect(notice!.textContent).toBe('US gov. restricted');
    const label = notice!.getAttribute('aria-label') ?? '';
    expect(label).toMatch(/^Vendor Guard: a Hikvision product\. US federal agencies may not buy/);
    expect(label).toContain('It is not a ban on private buyers');
    expect(notice!.title).toBe(label);
    // The notice has its own icon.
    expect(notice!.querySelector('path')?.getAttribute('d')).not.toBe(warning!.querySelector('path')?.getAttribute('d'));
    marker.stop();
    expect(document.querySelectorAll('vendor-guard-mark')).toHaveLength(0);
  });
});
